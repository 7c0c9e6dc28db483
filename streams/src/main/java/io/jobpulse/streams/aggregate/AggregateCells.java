package io.jobpulse.streams.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which cells a job counts in, and the deltas that move the aggregates from one contribution to another.
 *
 * <p>For every role the job has, and for role '*' (all roles), on the job's day:
 * <ul>
 *   <li>{@code postings}: one;</li>
 *   <li>{@code technology|tech}: each technology (per role this is also the role-technology co-occurrence behind
 *       "related roles");</li>
 *   <li>{@code technology_pair|a|b}: each unordered pair of its technologies, a &lt; b ("related technologies");</li>
 *   <li>{@code seniority|level}: each level, or {@code unspecified};</li>
 *   <li>{@code location|CC|} per country and {@code location|CC|City} per city;</li>
 *   <li>{@code work_mode|mode}: each work mode;</li>
 *   <li>{@code salary|level} and {@code salary|*}: when the job has a USD yearly figure, the figure.</li>
 * </ul>
 */
public final class AggregateCells {

    public static final String UNSPECIFIED = "unspecified";

    private AggregateCells() {
    }

    /** Cell key -> the salary figure the job adds to it (null for count-only cells). */
    public static Map<String, Double> cells(Contribution c) {
        Map<String, Double> cells = new LinkedHashMap<>();
        if (c == null) {
            return cells;
        }
        List<String> roles = new ArrayList<>(c.roles().size() + 1);
        roles.add(CellKey.ALL_ROLES);
        roles.addAll(c.roles());
        List<String> levels = c.seniority().isEmpty() ? List.of(UNSPECIFIED) : c.seniority();
        List<String> techs = c.technologies().stream().sorted().toList();
        String day = LocalDate.ofEpochDay(c.day()).toString();
        for (String role : roles) {
            put(cells, "postings", role, day, "", "", null);
            for (String t : techs) {
                put(cells, "technology", role, day, t, "", null);
            }
            for (int i = 0; i < techs.size(); i++) {
                for (int j = i + 1; j < techs.size(); j++) {
                    put(cells, "technology_pair", role, day, techs.get(i), techs.get(j), null);
                }
            }
            for (String level : levels) {
                put(cells, "seniority", role, day, level, "", null);
            }
            for (String place : c.places()) {
                int bar = place.indexOf('|');
                if (bar < 0) {
                    put(cells, "location", role, day, place, "", null);
                } else {
                    put(cells, "location", role, day, place.substring(0, bar), "", null);
                    put(cells, "location", role, day, place.substring(0, bar), place.substring(bar + 1), null);
                }
            }
            for (String mode : c.workModes()) {
                put(cells, "work_mode", role, day, mode, "", null);
            }
            if (c.salaryUsd() != null) {
                put(cells, "salary", role, day, CellKey.ALL_ROLES, "", c.salaryUsd());
                for (String level : levels) {
                    put(cells, "salary", role, day, level, "", c.salaryUsd());
                }
            }
        }
        return cells;
    }

    /**
     * The deltas that take the aggregates from {@code before} to {@code after} (either may be null: nothing
     * counted). Cells in both with the same figure produce nothing, unless the taxonomy version changed (then a
     * zero delta re-stamps the cell, so a re-enrichment run leaves every touched cell on the new version).
     */
    public static List<Map.Entry<String, CellDelta>> diff(Contribution before, Contribution after) {
        Map<String, Double> old = cells(before);
        Map<String, Double> now = cells(after);
        String version = after != null ? after.taxonomyVersion() : before != null ? before.taxonomyVersion() : "";
        boolean restamp = before != null && after != null && !Objects.equals(before.taxonomyVersion(), after.taxonomyVersion());
        List<Map.Entry<String, CellDelta>> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(Map.entry(e.getKey(), CellDelta.of(-1, e.getValue(), null, version)));
            } else {
                Double next = now.get(e.getKey());
                if (!Objects.equals(e.getValue(), next)) {
                    out.add(Map.entry(e.getKey(), CellDelta.of(0, e.getValue(), next, version)));
                } else if (restamp) {
                    out.add(Map.entry(e.getKey(), CellDelta.of(0, null, null, version)));
                }
            }
        }
        for (Map.Entry<String, Double> e : now.entrySet()) {
            if (!old.containsKey(e.getKey())) {
                out.add(Map.entry(e.getKey(), CellDelta.of(1, null, e.getValue(), version)));
            }
        }
        return out;
    }

    /** Same text as {@code CellKey.of(aggregate, role, day, dim1, dim2).encode()}, without parsing the day per cell. */
    private static void put(Map<String, Double> cells, String aggregate, String role, String day, String dim1, String dim2,
                            Double salary) {
        cells.put(aggregate + '|' + CellKey.clean(role) + '|' + day + '|' + CellKey.clean(dim1) + '|' + CellKey.clean(dim2),
                salary);
    }
}
