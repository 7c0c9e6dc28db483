package io.jobpulse.analytics.api;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weekly counts and shares of one or several technologies:
 * {@code GET /api/trends/technologies?technology=Java&technology=Kafka&role=backend&window=365d}.
 * Weeks start on Monday; a week's share is the technology's postings over all postings (of the role) that week.
 * From the daily aggregate cells, read with FINAL.
 */
public final class TrendQuery {

    public static final Set<String> PARAMETERS = Set.of("technology", "role", "window");
    static final int MAX_TECHNOLOGIES = 10;

    /** @param role a role family, or {@code *} for all roles */
    public record Request(List<String> technologies, String role, TimeWindow window) {
        public static Request of(QueryParameters query) {
            query.allowOnly(PARAMETERS);
            List<String> technologies = new ArrayList<>(new LinkedHashSet<>(query.all("technology")));
            if (technologies.isEmpty()) {
                throw new BadRequest("technology", "technology is required (one or several, e.g. technology=Java&technology=Kafka)");
            }
            if (technologies.size() > MAX_TECHNOLOGIES) {
                throw new BadRequest("technology", "at most " + MAX_TECHNOLOGIES + " technologies");
            }
            technologies.forEach(t -> QueryParameters.technology("technology", t));
            String role = query.single("role");
            role = role == null || role.isEmpty() || role.equals("*") ? "*" : RoleFamilies.require("role", role);
            return new Request(List.copyOf(technologies), role, TimeWindow.parse(query.single("window"), "365d"));
        }
    }

    public record Series(String technology, List<Long> counts, List<Double> shares) {
    }

    public record Trend(String role, String window, String from, String to, List<String> weeks, List<Long> postings,
                        List<Series> series) {
    }

    /** Built for the number of technologies asked; each is a bound parameter. */
    static String sql(int technologies) {
        return """
                SELECT toString(toMonday(day)) AS week, aggregate, dim1, sum(count) AS n
                FROM aggregates FINAL
                WHERE aggregate IN ('postings', 'technology') AND role = ? AND day >= ? AND day <= ?
                  AND (aggregate = 'postings' OR dim1 IN (%s))
                GROUP BY week, aggregate, dim1""".formatted(String.join(", ", Collections.nCopies(technologies, "?")));
    }

    private final ClickHouseQueries queries;

    public TrendQuery(ClickHouseQueries queries) {
        this.queries = queries;
    }

    public Trend run(Request request, LocalDate today) throws SQLException {
        LocalDate from = request.window().from(today);
        List<Object> parameters = new ArrayList<>(List.of(request.role(), from, today));
        parameters.addAll(request.technologies());
        Map<String, Long> cells = new HashMap<>();
        queries.query(sql(request.technologies().size()), parameters, r -> {
            String key = r.getString("week") + "|" + (r.getString("aggregate").equals("postings") ? "" : r.getString("dim1"));
            return cells.put(key, r.getLong("n"));
        });
        List<String> weeks = new ArrayList<>();
        for (LocalDate w = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !w.isAfter(today); w = w.plusWeeks(1)) {
            weeks.add(w.toString());
        }
        List<Long> postings = weeks.stream().map(w -> cells.getOrDefault(w + "|", 0L)).toList();
        List<Series> series = new ArrayList<>();
        for (String technology : request.technologies()) {
            List<Long> counts = weeks.stream().map(w -> cells.getOrDefault(w + "|" + technology, 0L)).toList();
            List<Double> shares = new ArrayList<>();
            for (int i = 0; i < weeks.size(); i++) {
                shares.add(RoleSummaryQuery.share(counts.get(i), postings.get(i)));
            }
            series.add(new Series(technology, counts, shares));
        }
        return new Trend(request.role(), request.window().label(), from.toString(), today.toString(), weeks, postings, series);
    }
}
