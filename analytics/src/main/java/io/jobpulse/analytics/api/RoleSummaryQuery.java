package io.jobpulse.analytics.api;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The role page's data: {@code GET /api/roles/{role}/summary?window=30d}.
 *
 * <p>Counts (postings, technologies, seniority, places, work modes, technology pairs) are sums of the streams stage's
 * daily aggregate cells over the window, read with FINAL so each cell counts at its newest value. Latest postings,
 * salary by seniority and related roles come from the postings table (FINAL, one active posting per job), because
 * medians and co-occurring roles cannot be summed from daily cells. Counts are postings; shares are of the role's
 * postings in the window.
 */
public final class RoleSummaryQuery {

    public static final Set<String> PARAMETERS = Set.of("window");
    static final int TOP_TECHNOLOGIES = 15;
    static final int TOP_PLACES = 10;
    static final int TOP_PAIRS = 10;
    static final int RELATED_ROLES = 8;
    static final int LATEST = 10;

    /** Validated request. */
    public record Request(String role, TimeWindow window) {
        public static Request of(String role, QueryParameters query) {
            query.allowOnly(PARAMETERS);
            return new Request(RoleFamilies.require("role", role), TimeWindow.parse(query.single("window"), "30d"));
        }
    }

    public record Count(String name, long count, double share) {
    }

    public record City(String city, String country, long count, double share) {
    }

    public record Locations(List<Count> countries, List<City> cities, long remote, double remoteShare) {
    }

    public record Posting(String id, String title, String company, String location, String date, String url) {
    }

    public record Salary(String seniority, long postings, double minUsd, double p25Usd, double medianUsd,
                         double p75Usd, double maxUsd) {
    }

    public record RelatedRole(String role, long count, double share) {
    }

    public record TechnologyPair(String first, String second, long count, double share) {
    }

    public record Summary(String role, String window, String from, String to, long postings,
                          List<Count> technologies, List<Count> seniority, Locations locations,
                          List<Posting> latestPostings, List<Salary> salaryBySeniority,
                          List<RelatedRole> relatedRoles, List<TechnologyPair> relatedTechnologies) {
    }

    /** One query for every count panel: the top cells per kind of cell over the window. */
    static final String CELLS = """
            SELECT kind, dim1, dim2, n FROM (
                SELECT if(aggregate = 'location', if(dim2 = '', 'country', 'city'), aggregate) AS kind,
                       dim1, dim2, sum(count) AS n
                FROM aggregates FINAL
                WHERE aggregate IN ('postings', 'technology', 'seniority', 'location', 'work_mode', 'technology_pair')
                  AND role = ? AND day >= ? AND day <= ?
                GROUP BY kind, dim1, dim2
                HAVING n > 0
            )
            ORDER BY kind, n DESC, dim1, dim2
            LIMIT 50 BY kind""";

    /**
     * A posting counts once per job, as the streams stage counts it: an active posting that duplicates nothing, or,
     * in a duplicate group whose first posting closed, its first active member (first seen, then id). The subquery
     * only looks at groups that have duplicates.
     */
    public static final String COUNTED = """
            status = 'ACTIVE' AND (duplicate_of IS NULL OR id IN (
                SELECT argMinIf(id, (id != canonical_id, first_seen_at, id), status = 'ACTIVE')
                FROM postings FINAL
                WHERE canonical_id IN (SELECT canonical_id FROM postings FINAL WHERE duplicate_of IS NOT NULL)
                GROUP BY canonical_id
                HAVING countIf(status = 'ACTIVE') > 0))""";

    /** Counted postings of the role in the window. */
    static final String ROLE_POSTINGS = """
            FROM postings FINAL
            WHERE\s""" + COUNTED + " AND has(roles, ?) AND day >= ? AND day <= ?";

    static final String LATEST_POSTINGS = """
            SELECT id, title, company, location_cities, location_countries, work_modes, toString(day) AS d, url
            """ + ROLE_POSTINGS + """

            ORDER BY coalesce(posted_at, first_seen_at) DESC, id
            LIMIT 10""";

    /** One figure per posting (the USD annual midpoint), per seniority level it names; interpolated quantiles. */
    static final String SALARY = """
            SELECT level, count() AS n, min(salary_usd_annual_mid) AS lo,
                   quantilesExactInclusive(0.25, 0.5, 0.75)(salary_usd_annual_mid) AS q,
                   max(salary_usd_annual_mid) AS hi
            FROM (SELECT arrayDistinct(seniority) AS levels, salary_usd_annual_mid
            """ + ROLE_POSTINGS + """
             AND salary_usd_annual_mid IS NOT NULL)
            ARRAY JOIN levels AS level
            GROUP BY level
            ORDER BY level""";

    static final String RELATED = """
            SELECT other, count() AS n
            FROM (SELECT arrayDistinct(roles) AS rs
            """ + ROLE_POSTINGS + """
            )
            ARRAY JOIN rs AS other
            WHERE other != ?
            GROUP BY other
            ORDER BY n DESC, other
            LIMIT 8""";

    private final ClickHouseQueries queries;

    public RoleSummaryQuery(ClickHouseQueries queries) {
        this.queries = queries;
    }

    public Summary run(Request request, LocalDate today) throws SQLException {
        LocalDate from = request.window().from(today);
        String role = request.role();
        record Cell(String kind, String dim1, String dim2, long n) {
        }
        List<Cell> cells = queries.query(CELLS, List.of(role, from, today),
                r -> new Cell(r.getString("kind"), r.getString("dim1"), r.getString("dim2"), r.getLong("n")));
        long total = cells.stream().filter(c -> c.kind().equals("postings")).mapToLong(Cell::n).sum();
        List<Count> technologies = new ArrayList<>();
        List<Count> seniority = new ArrayList<>();
        List<Count> countries = new ArrayList<>();
        List<City> cities = new ArrayList<>();
        List<TechnologyPair> pairs = new ArrayList<>();
        long remote = 0;
        for (Cell c : cells) {
            switch (c.kind()) {
                case "technology" -> {
                    if (technologies.size() < TOP_TECHNOLOGIES) {
                        technologies.add(new Count(c.dim1(), c.n(), share(c.n(), total)));
                    }
                }
                case "seniority" -> seniority.add(new Count(c.dim1(), c.n(), share(c.n(), total)));
                case "country" -> {
                    if (countries.size() < TOP_PLACES) {
                        countries.add(new Count(c.dim1(), c.n(), share(c.n(), total)));
                    }
                }
                case "city" -> {
                    if (cities.size() < TOP_PLACES) {
                        cities.add(new City(c.dim2(), c.dim1(), c.n(), share(c.n(), total)));
                    }
                }
                case "technology_pair" -> {
                    if (pairs.size() < TOP_PAIRS) {
                        pairs.add(new TechnologyPair(c.dim1(), c.dim2(), c.n(), share(c.n(), total)));
                    }
                }
                case "work_mode" -> {
                    if (c.dim1().equals("remote")) {
                        remote = c.n();
                    }
                }
                default -> { }
            }
        }
        List<Posting> latest = queries.query(LATEST_POSTINGS, List.of(role, from, today), r -> new Posting(
                r.getString("id"), r.getString("title"), r.getString("company"),
                location(ClickHouseQueries.strings(r, "location_cities"), ClickHouseQueries.strings(r, "location_countries"),
                        ClickHouseQueries.strings(r, "work_modes")),
                r.getString("d"), r.getString("url")));
        List<Salary> salaries = queries.query(SALARY, List.of(role, from, today), r -> {
            Object q = r.getArray("q").getArray();
            double[] quantiles = doubles(q);
            return new Salary(r.getString("level"), r.getLong("n"), r.getDouble("lo"), quantiles[0], quantiles[1],
                    quantiles[2], r.getDouble("hi"));
        });
        salaries.sort(java.util.Comparator.comparingInt(s -> QueryParameters.SENIORITY.indexOf(s.seniority())));
        final long postings = total;
        List<RelatedRole> related = queries.query(RELATED, List.of(role, from, today, role),
                r -> new RelatedRole(r.getString("other"), r.getLong("n"), share(r.getLong("n"), postings)));
        return new Summary(role, request.window().label(), from.toString(), today.toString(), total, technologies,
                seniority, new Locations(countries, cities, remote, share(remote, total)), latest, salaries, related, pairs);
    }

    static double share(long n, long total) {
        return total == 0 ? 0 : (double) n / total;
    }

    /** "Berlin, DE; London, GB (remote)": the posting's places as one display string. */
    static String location(List<String> cities, List<String> countries, List<String> workModes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            String city = i < cities.size() ? cities.get(i) : "";
            String country = countries.get(i);
            parts.add(city.isEmpty() ? country : country.isEmpty() ? city : city + ", " + country);
        }
        String places = String.join("; ", parts);
        if (workModes.contains("remote")) {
            return places.isEmpty() ? "Remote" : places + " (remote)";
        }
        return places;
    }

    static double[] doubles(Object array) {
        if (array instanceof double[] d) {
            return d;
        }
        if (array instanceof Object[] objects) {
            double[] out = new double[objects.length];
            for (int i = 0; i < objects.length; i++) {
                out[i] = ((Number) objects[i]).doubleValue();
            }
            return out;
        }
        if (array instanceof List<?> list) {
            return list.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        throw new IllegalStateException("Unexpected array type " + array.getClass());
    }
}
