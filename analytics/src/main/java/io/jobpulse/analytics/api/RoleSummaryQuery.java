package io.jobpulse.analytics.api;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The role page's data: {@code GET /api/roles/{role}/summary?window=30d}.
 *
 * <p>Counts (postings, technologies, seniority, places, work modes, technology pairs) are sums of the streams stage's
 * daily aggregate cells over the window, read with FINAL so each cell counts at its newest value. Latest postings,
 * salary by seniority and related roles come from the role's rows in {@code role_postings} (one row per role, day and
 * posting, FINAL over the role's days only, one active posting per job), because medians and co-occurring roles
 * cannot be summed from daily cells. Counts are postings; shares are of the role's postings in the window.
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

    /**
     * Counted postings of the role in the window (parameters: role, from, to, then role, from, to again), from
     * {@code role_postings}: FINAL over the role's days only, which its key (role, day, id) prunes to. The counting
     * rule is {@link #COUNTED}'s. Only the duplicate groups that have a posting among the role's rows in the window
     * are looked at (read without FINAL: a row of an older version can only add a group, which decides nothing for
     * postings that are not the role's current rows); their members, wherever their roles and days are, come from
     * {@code duplicate_members}, and their current state from {@code postings} by id.
     */
    static final String ROLE_POSTINGS = """
            FROM role_postings FINAL
            WHERE role = ? AND day >= ? AND day <= ? AND listed = 1 AND status = 'ACTIVE'
              AND (duplicate_of IS NULL OR id IN (
                  SELECT argMinIf(id, (id != canonical_id, first_seen_at, id), status = 'ACTIVE')
                  FROM postings FINAL
                  WHERE id IN (SELECT id FROM duplicate_members WHERE canonical_id IN (
                      SELECT canonical_id FROM role_postings
                      WHERE role = ? AND day >= ? AND day <= ? AND duplicate_of IS NOT NULL))
                  GROUP BY canonical_id
                  HAVING countIf(status = 'ACTIVE') > 0))""";

    /** The ten newest (listed time descending, then id); ClickHouse reads the shown columns for those ten only. */
    static final String LATEST_POSTINGS = """
            SELECT id, title, company, location_cities, location_countries, work_modes, toString(day) AS d, url
            """ + ROLE_POSTINGS + """

            ORDER BY listed_at DESC, id
            LIMIT 10""";

    /**
     * Salary by seniority and related roles in one pass over the role's rows (parameters: the role, then
     * {@link #ROLE_POSTINGS}'s). Each posting contributes a ('salary', level) key per seniority level it names when
     * it has a salary figure (the USD annual midpoint), and a ('role', other) key per other role family it names;
     * salary keys get the count, min, interpolated quartiles and max of the figures, role keys their count.
     */
    static final String SALARY_AND_RELATED = """
            SELECT key.1 AS kind, key.2 AS name, count() AS n,
                   minIf(mid, kind = 'salary') AS lo,
                   quantilesExactInclusiveIf(0.25, 0.5, 0.75)(mid, kind = 'salary') AS q,
                   maxIf(mid, kind = 'salary') AS hi
            FROM (SELECT arrayConcat(
                             if(salary_usd_annual_mid IS NULL, [], arrayMap(l -> ('salary', l), arrayDistinct(seniority))),
                             arrayMap(r -> ('role', r), arrayFilter(r -> r != ?, arrayDistinct(roles)))) AS keys,
                         salary_usd_annual_mid AS mid
            """ + ROLE_POSTINGS + """
            )
            ARRAY JOIN keys AS key
            GROUP BY kind, name""";

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
        List<Object> roleDays = List.of(role, from, today, role, from, today);
        List<Posting> latest = queries.query(LATEST_POSTINGS, roleDays, r -> new Posting(
                r.getString("id"), r.getString("title"), r.getString("company"),
                location(ClickHouseQueries.strings(r, "location_cities"), ClickHouseQueries.strings(r, "location_countries"),
                        ClickHouseQueries.strings(r, "work_modes")),
                r.getString("d"), r.getString("url")));
        record Key(String kind, String name, long n, double lo, double[] quartiles, double hi) {
        }
        List<Object> parameters = new ArrayList<>(List.of(role));
        parameters.addAll(roleDays);
        List<Key> keys = queries.query(SALARY_AND_RELATED, parameters, r -> {
            boolean salary = r.getString("kind").equals("salary");
            return new Key(r.getString("kind"), r.getString("name"), r.getLong("n"), salary ? r.getDouble("lo") : 0,
                    salary ? doubles(r.getArray("q").getArray()) : null, salary ? r.getDouble("hi") : 0);
        });
        List<Salary> salaries = new ArrayList<>();
        List<RelatedRole> related = new ArrayList<>();
        for (Key k : keys) {
            if (k.kind().equals("salary")) {
                salaries.add(new Salary(k.name(), k.n(), k.lo(), k.quartiles()[0], k.quartiles()[1], k.quartiles()[2], k.hi()));
            } else {
                related.add(new RelatedRole(k.name(), k.n(), share(k.n(), total)));
            }
        }
        salaries.sort(Comparator.comparingInt(s -> QueryParameters.SENIORITY.indexOf(s.seniority())));
        related.sort(Comparator.comparingLong(RelatedRole::count).reversed().thenComparing(RelatedRole::role));
        List<RelatedRole> topRelated = related.subList(0, Math.min(RELATED_ROLES, related.size()));
        return new Summary(role, request.window().label(), from.toString(), today.toString(), total, technologies,
                seniority, new Locations(countries, cities, remote, share(remote, total)), latest, salaries, topRelated, pairs);
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
