package io.jobpulse.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The evaluation of {@code shared/eval/score.py}, ported line by line: micro precision/recall/F1 per field over
 * normalized sets, postings with {@code is_job_post=false} skipped, roles {@code software_engineer_general} and
 * {@code other} ignored, salary exact when min and max are within 2% and the currency matches.
 */
final class EvalScorer {

    static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("golang", "go"), Map.entry("postgres", "postgresql"),
            Map.entry("k8s", "kubernetes"), Map.entry("nodejs", "node.js"), Map.entry("node", "node.js"), Map.entry("reactjs", "react"),
            Map.entry("vue", "vue.js"), Map.entry("vuejs", "vue.js"), Map.entry("rails", "ruby on rails"),
            Map.entry("rubyonrails", "ruby on rails"), Map.entry("googlecloud", "gcp"), Map.entry("googlecloudplatform", "gcp"),
            Map.entry("amazonwebservices", "aws"), Map.entry("nextjs", "next.js"), Map.entry("express", "express.js"),
            Map.entry("expressjs", "express.js"), Map.entry("dotnet", ".net"), Map.entry("csharp", "c#"), Map.entry("cpp", "c++"),
            Map.entry("tf", "terraform"), Map.entry("springframework", "spring"), Map.entry("llms", "llm"),
            Map.entry("largelanguagemodels", "llm"), Map.entry("elastic", "elasticsearch"), Map.entry("mongo", "mongodb"));
    static final Set<String> IGNORED_ROLES = Set.of("software_engineer_general", "other");

    record Prf(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    record Scores(int postings, int missing, Map<String, Prf> fields, int salaryGold, int salaryExact, int salarySpurious,
                  int salaryNoneGold) {
        double f1(String field) {
            return fields.get(field).f1();
        }

        double salaryExactRate() {
            return salaryGold == 0 ? 1.0 : (double) salaryExact / salaryGold;
        }

        double salarySpuriousRate() {
            return salaryNoneGold == 0 ? 0.0 : (double) salarySpurious / salaryNoneGold;
        }

        String report() {
            StringBuilder sb = new StringBuilder();
            fields.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-16s %9.3f %7.3f %6.3f   %d/%d/%d%n", k, v.precision(),
                    v.recall(), v.f1(), v.tp(), v.fp(), v.fn())));
            sb.append(String.format(Locale.ROOT, "salary: %d/%d exact; %d/%d spurious%n", salaryExact, salaryGold, salarySpurious, salaryNoneGold));
            return sb.toString();
        }
    }

    private EvalScorer() {}

    static String normTech(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_]", "");
        String aliased = ALIASES.get(key);
        if (aliased == null) {
            aliased = ALIASES.getOrDefault(key.replace(".", ""), key);
        }
        return aliased.replaceAll("[\\s\\-_]", "");
    }

    static String normWord(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String str(JsonNode v) {
        // Python's str() of the JSON value: strings as is, numbers and booleans printed.
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        return v.toString();
    }

    private static Set<String> asSet(JsonNode record, String field, Function<String, String> fn, Set<String> ignore) {
        Set<String> out = new HashSet<>();
        JsonNode values = record.get(field);
        if (values == null || values.isNull() || !values.isArray()) {
            return out;
        }
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                continue;
            }
            String n = fn.apply(str(v));
            if (!n.isEmpty() && !ignore.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static Set<String> locationPart(JsonNode record, String part) {
        Set<String> out = new HashSet<>();
        JsonNode locs = record.get("locations");
        if (locs == null || !locs.isArray()) {
            return out;
        }
        for (JsonNode l : locs) {
            if (l.isObject() && l.hasNonNull(part) && !str(l.get(part)).isEmpty()) {
                out.add(normWord(str(l.get(part))));
            }
        }
        return out;
    }

    static Map<String, JsonNode> load(List<String> lines) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode rec = mapper.readTree(line);
                JsonNode key = rec.has("id") ? rec.get("id") : rec.get("idx");
                out.put(key == null ? "None" : str(key), rec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static boolean close(JsonNode a, JsonNode b) {
        boolean aNone = a == null || a.isNull();
        boolean bNone = b == null || b.isNull();
        if (aNone || bNone) {
            return aNone && bNone;
        }
        if (!a.isNumber() && !a.isTextual() || !b.isNumber() && !b.isTextual()) {
            return false;
        }
        try {
            double x = Double.parseDouble(a.asText());
            double y = Double.parseDouble(b.asText());
            return Math.abs(x - y) <= 0.02 * Math.max(Math.abs(y), 1.0);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean salaryOk(JsonNode g, JsonNode p) {
        if (p == null || !p.isObject() || p.isEmpty()) {
            return false;
        }
        String pc = p.has("currency") ? str(p.get("currency")) : "";
        String gc = g.has("currency") ? str(g.get("currency")) : "";
        return close(p.get("min"), g.get("min")) && close(p.get("max"), g.get("max"))
                && pc.toUpperCase(Locale.ROOT).equals(gc.toUpperCase(Locale.ROOT));
    }

    private static boolean truthy(JsonNode v) {
        return v != null && !v.isNull() && !(v.isObject() && v.isEmpty()) && !(v.isArray() && v.isEmpty())
                && !(v.isTextual() && v.asText().isEmpty()) && !(v.isBoolean() && !v.asBoolean()) && !(v.isNumber() && v.asDouble() == 0);
    }

    static Scores score(Map<String, JsonNode> gold, Map<String, JsonNode> pred) {
        Map<String, Function<JsonNode, Set<String>>> fields = new LinkedHashMap<>();
        fields.put("technologies", r -> asSet(r, "technologies", EvalScorer::normTech, Set.of()));
        fields.put("seniority", r -> asSet(r, "seniority", EvalScorer::normWord, Set.of()));
        // score.py compares normalized words with the raw ignore names; "software_engineer_general" normalizes to a
        // word without underscores, so only "other" is really dropped there. Kept the same here.
        fields.put("roles", r -> asSet(r, "roles", EvalScorer::normWord, IGNORED_ROLES));
        fields.put("work_mode", r -> asSet(r, "work_mode", EvalScorer::normWord, Set.of()));
        fields.put("countries", r -> locationPart(r, "country"));
        fields.put("cities", r -> locationPart(r, "city"));
        fields.put("remote_regions", r -> asSet(r, "remote_regions", EvalScorer::normWord, Set.of()));
        Map<String, int[]> counts = new LinkedHashMap<>();
        fields.keySet().forEach(k -> counts.put(k, new int[3]));
        int missing = 0;
        int postings = 0;
        int salGold = 0;
        int salExact = 0;
        int salSpur = 0;
        int salNone = 0;
        ObjectMapper mapper = new ObjectMapper();
        for (Map.Entry<String, JsonNode> e : gold.entrySet()) {
            JsonNode g = e.getValue();
            JsonNode isJob = g.get("is_job_post");
            if (isJob != null && isJob.isBoolean() && !isJob.asBoolean()) {
                continue;
            }
            postings++;
            JsonNode p = pred.get(e.getKey());
            if (p == null) {
                missing++;
                p = mapper.createObjectNode();
            }
            for (Map.Entry<String, Function<JsonNode, Set<String>>> f : fields.entrySet()) {
                Set<String> gs = f.getValue().apply(g);
                Set<String> ps = f.getValue().apply(p);
                int[] c = counts.get(f.getKey());
                for (String s : ps) {
                    if (gs.contains(s)) {
                        c[0]++;
                    } else {
                        c[1]++;
                    }
                }
                for (String s : gs) {
                    if (!ps.contains(s)) {
                        c[2]++;
                    }
                }
            }
            if (truthy(g.get("salary"))) {
                salGold++;
                if (salaryOk(g.get("salary"), p.get("salary"))) {
                    salExact++;
                }
            } else {
                salNone++;
                if (truthy(p.get("salary"))) {
                    salSpur++;
                }
            }
        }
        Map<String, Prf> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> out.put(k, new Prf(c[0], c[1], c[2])));
        return new Scores(postings, missing, out, salGold, salExact, salSpur, salNone);
    }
}
