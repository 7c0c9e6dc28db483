package io.jobpulse.analytics.api;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recent postings by role, technology, country, seniority and remote:
 * {@code GET /api/postings?role=backend&technology=Kafka&country=DE&seniority=senior&remote=true&window=30d&limit=20}.
 * Newest first; one active posting per job (as the counts). Each filter adds a constant SQL fragment and a bound value.
 */
public final class SearchQuery {

    public static final Set<String> PARAMETERS = Set.of("role", "technology", "country", "seniority", "remote", "window", "limit");

    public record Request(String role, String technology, String country, String seniority, Boolean remote,
                          TimeWindow window, int limit) {
        public static Request of(QueryParameters query) {
            query.allowOnly(PARAMETERS);
            String role = query.single("role");
            return new Request(role == null || role.isEmpty() ? null : RoleFamilies.require("role", role),
                    QueryParameters.technology("technology", query.single("technology")),
                    QueryParameters.country("country", query.single("country")),
                    QueryParameters.seniority("seniority", query.single("seniority")),
                    QueryParameters.bool("remote", query.single("remote")),
                    TimeWindow.parse(query.single("window"), "30d"),
                    QueryParameters.integer("limit", query.single("limit"), 20, 1, 100));
        }
    }

    public record Posting(String id, String title, String company, String location, String date, String url,
                          List<String> roles, List<String> technologies, List<String> seniority, boolean remote) {
    }

    public record Results(int count, List<Posting> postings) {
    }

    private final ClickHouseQueries queries;

    public SearchQuery(ClickHouseQueries queries) {
        this.queries = queries;
    }

    public Results run(Request request, LocalDate today) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT id, title, company, location_cities, location_countries, work_modes, toString(day) AS d, url,
                       roles, technologies, seniority
                FROM postings FINAL
                WHERE\s""" + RoleSummaryQuery.COUNTED + " AND day >= ? AND day <= ?");
        List<Object> parameters = new ArrayList<>(List.of(request.window().from(today), today));
        if (request.role() != null) {
            sql.append(" AND has(roles, ?)");
            parameters.add(request.role());
        }
        if (request.technology() != null) {
            sql.append(" AND has(technologies, ?)");
            parameters.add(request.technology());
        }
        if (request.country() != null) {
            sql.append(" AND has(location_countries, ?)");
            parameters.add(request.country());
        }
        if (request.seniority() != null) {
            sql.append(" AND has(seniority, ?)");
            parameters.add(request.seniority());
        }
        if (request.remote() != null) {
            sql.append(" AND has(work_modes, 'remote') = ?");
            parameters.add(request.remote() ? 1 : 0);
        }
        sql.append("\nORDER BY coalesce(posted_at, first_seen_at) DESC, id\nLIMIT ?");
        parameters.add(request.limit());
        List<Posting> postings = queries.query(sql.toString(), parameters, r -> {
            List<String> modes = ClickHouseQueries.strings(r, "work_modes");
            return new Posting(r.getString("id"), r.getString("title"), r.getString("company"),
                    RoleSummaryQuery.location(ClickHouseQueries.strings(r, "location_cities"),
                            ClickHouseQueries.strings(r, "location_countries"), modes),
                    r.getString("d"), r.getString("url"), ClickHouseQueries.strings(r, "roles"),
                    ClickHouseQueries.strings(r, "technologies"), ClickHouseQueries.strings(r, "seniority"),
                    modes.contains("remote"));
        });
        return new Results(postings.size(), postings);
    }
}
