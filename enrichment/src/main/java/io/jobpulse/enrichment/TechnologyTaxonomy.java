package io.jobpulse.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The versioned technology taxonomy: the curated {@code technologies.tsv} plus GitHub linguist's programming
 * languages ({@code linguist-languages.tsv}) that the curated file does not already name. Linguist-only entries
 * are matched by exact spelling and only inside a list of other technologies, because many language names are
 * ordinary words ("Red", "Pure", "Self").
 */
public final class TechnologyTaxonomy {

    static final String CURATED = "technologies.tsv";
    static final String LINGUIST = "linguist-languages.tsv";

    /** Linguist names that are too generic, or file formats and prose, never counted on their own. */
    private static final Set<String> LINGUIST_SKIP = Set.of("text", "ring", "red", "pure", "self", "click", "grace",
            "mask", "slash", "volt", "wisp", "genie", "boo", "pan", "nit", "pony", "lean", "jasmin", "gap", "glyph",
            "public key", "raw token data", "roff", "rouge", "sage", "shell", "stan", "star", "turing", "logos", "lark",
            "mercury", "monkey", "ox", "papyrus", "pawn", "pic", "pike", "quake", "reason", "sed", "sieve", "slice",
            "squirrel", "talon", "tea", "uno", "charity", "clean", "curry", "factor", "fancy", "fluent", "edge", "max",
            "kit", "noir", "opal", "parrot", "pod", "processing", "terra", "sway", "wollok", "zap", "zil", "beef",
            "berry", "frege", "janet", "koka", "lasso", "nasal", "odin", "roc", "shen", "toit", "wren", "dylan",
            "forth", "euphoria", "io", "oz", "nu", "arc", "basic", "alloy", "bluespec", "cool", "dogescript", "gdscript",
            "jison", "pact", "ballerina", "chuck", "common workflow language", "module management system",
            "regular expression", "spline font database", "world of warcraft addon data", "vim script", "emacs lisp",
            "jest snapshot", "unix assembly", "option list", "ignore list");

    private final String version;
    private final List<Technology> technologies;
    private final Map<String, Technology> byName;

    private TechnologyTaxonomy(String version, List<Technology> technologies) {
        this.version = version;
        this.technologies = List.copyOf(technologies);
        Map<String, Technology> m = new HashMap<>();
        for (Technology t : technologies) {
            m.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        this.byName = Map.copyOf(m);
    }

    /** Loads the taxonomy shipped in this jar. */
    public static TechnologyTaxonomy load() {
        List<String[]> curated = new ArrayList<>();
        String version = readTsv(CURATED, curated);
        List<String[]> linguist = new ArrayList<>();
        readTsv(LINGUIST, linguist);
        Map<String, Technology> out = new LinkedHashMap<>();
        Set<String> spellings = new java.util.HashSet<>();
        for (String[] row : curated) {
            String name = row[0];
            List<String> aliases = new ArrayList<>();
            aliases.add(name);
            if (row.length > 2 && !row[2].isBlank()) {
                aliases.addAll(Arrays.asList(row[2].split("\\|")));
            }
            Set<String> flags = row.length > 3 ? Set.of(row[3].split(",")) : Set.of();
            Technology t = new Technology(out.size(), name, row[1], dedupe(aliases), flags.contains("cs"),
                    flags.contains("ctx"), flags.contains("rule"), "curated");
            out.putIfAbsent(name.toLowerCase(Locale.ROOT), t);
            for (String a : t.aliases()) {
                spellings.add(a.toLowerCase(Locale.ROOT));
            }
        }
        for (String[] row : linguist) {
            String name = row[0];
            String key = name.toLowerCase(Locale.ROOT);
            if (!"programming".equals(row[1]) || out.containsKey(key) || spellings.contains(key)
                    || LINGUIST_SKIP.contains(key) || name.length() < 3) {
                continue;
            }
            Technology t = new Technology(out.size(), name, "language", List.of(name), true, true, false, "linguist");
            out.put(key, t);
        }
        return new TechnologyTaxonomy(version, new ArrayList<>(out.values()));
    }

    private static List<String> dedupe(List<String> aliases) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(aliases));
    }

    private static String readTsv(String resource, List<String[]> rows) {
        String version = "unversioned";
        try (InputStream in = TechnologyTaxonomy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#version\t")) {
                    version = line.substring("#version\t".length()).strip();
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return version;
    }

    public String version() {
        return version;
    }

    public List<Technology> technologies() {
        return technologies;
    }

    public Technology get(int id) {
        return technologies.get(id);
    }

    /** The entry with this canonical name (case-insensitive), or null. */
    public Technology byName(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return technologies.size();
    }
}
