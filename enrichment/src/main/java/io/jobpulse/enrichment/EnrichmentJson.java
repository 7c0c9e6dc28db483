package io.jobpulse.enrichment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shape of an {@link Enrichment} used by the {@code enrich} command and the evaluation tooling: the keys
 * {@code technologies} (canonical names), {@code seniority}, {@code roles}, {@code work_mode}, {@code locations},
 * {@code remote_regions}, {@code salary} ({min, max, currency, period} or null), plus {@code technology_evidence},
 * {@code salary_normalized} and {@code taxonomy_version}.
 */
public final class EnrichmentJson {
    private EnrichmentJson() {}

    public static ObjectNode toJson(String id, Enrichment e, CurrencyRates rates) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("id", id);
        ArrayNode tech = o.putArray("technologies");
        for (TechnologyMention t : e.technologies()) {
            tech.add(t.name());
        }
        ArrayNode sen = o.putArray("seniority");
        e.seniority().forEach(s -> sen.add(s.label()));
        ArrayNode roles = o.putArray("roles");
        e.roles().forEach(r -> roles.add(r.label()));
        ArrayNode modes = o.putArray("work_mode");
        e.workModes().forEach(m -> modes.add(m.label()));
        ArrayNode locs = o.putArray("locations");
        for (Location l : e.locations()) {
            ObjectNode lo = locs.addObject();
            lo.put("city", l.city());
            lo.put("region", l.region());
            lo.put("country", l.country());
        }
        ArrayNode rr = o.putArray("remote_regions");
        e.remoteRegions().forEach(rr::add);
        Salary s = e.salary();
        if (s == null) {
            o.putNull("salary");
        } else {
            ObjectNode so = o.putObject("salary");
            putNumber(so, "min", s.min());
            putNumber(so, "max", s.max());
            so.put("currency", s.currency());
            so.put("period", s.period().label());
            ObjectNode norm = o.putObject("salary_normalized");
            putNumber(norm, "annual_min", s.annualMin());
            putNumber(norm, "annual_max", s.annualMax());
            norm.put("currency", s.currency());
            putNumber(norm, "usd_annual_min", s.usdAnnualMin());
            putNumber(norm, "usd_annual_max", s.usdAnnualMax());
            norm.put("rates_as_of", rates.asOf());
            norm.put("source", s.source().name().toLowerCase(java.util.Locale.ROOT));
            if (s.evidence() != null) {
                norm.put("evidence", s.evidence().text());
            }
        }
        ArrayNode ev = o.putArray("technology_evidence");
        for (TechnologyMention t : e.technologies()) {
            ObjectNode to = ev.addObject();
            to.put("name", t.name());
            to.put("category", t.category());
            ArrayNode spans = to.putArray("spans");
            for (Span sp : t.evidence()) {
                ArrayNode a = spans.addArray();
                a.add(sp.start());
                a.add(sp.end());
                a.add(sp.text());
            }
        }
        o.put("taxonomy_version", e.taxonomyVersion());
        return o;
    }

    private static void putNumber(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, v.longValue());
        } else {
            o.put(key, v);
        }
    }
}
