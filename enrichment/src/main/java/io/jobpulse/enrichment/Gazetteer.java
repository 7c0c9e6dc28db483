package io.jobpulse.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Places the {@link LocationResolver} knows: GeoNames cities of at least 15,000 people, US states and Canadian
 * provinces, countries with their common short names, and the short forms postings use ("SF", "NYC", "Bay Area").
 * Loaded once from the jar's resources (see DATA.md for sources and licences).
 */
public final class Gazetteer {

    /** A populated place. {@code region} is the state/province code for US and CA, else null. */
    public record City(String name, String country, String region, int population) {}

    /** A country: ISO code, English name, continent code (EU, NA, SA, AS, AF, OC, AN). */
    public record Country(String code, String name, String continent) {}

    private final Map<String, List<City>> citiesByName = new HashMap<>();
    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> usStates = new HashMap<>();
    private final Map<String, String> caProvinces = new HashMap<>();

    static final Map<String, String> CA_PROVINCE_CODES = Map.ofEntries(Map.entry("01", "AB"), Map.entry("02", "BC"),
            Map.entry("03", "MB"), Map.entry("04", "NB"), Map.entry("05", "NL"), Map.entry("07", "NS"),
            Map.entry("08", "ON"), Map.entry("09", "PE"), Map.entry("10", "QC"), Map.entry("11", "SK"),
            Map.entry("12", "YT"), Map.entry("13", "NT"), Map.entry("14", "NU"));

    /** English names for places whose GeoNames name is the local one. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("Bengaluru", "Bangalore"),
            Map.entry("Gent", "Ghent"), Map.entry("Koeln", "Cologne"), Map.entry("Praha", "Prague"),
            Map.entry("Wien", "Vienna"), Map.entry("Muenchen", "Munich"), Map.entry("Lisboa", "Lisbon"),
            Map.entry("Kyiv", "Kyiv"), Map.entry("Firenze", "Florence"), Map.entry("Napoli", "Naples"),
            Map.entry("Den Haag", "The Hague"), Map.entry("'s-Gravenhage", "The Hague"), Map.entry("Goeteborg", "Gothenburg"),
            Map.entry("Bruxelles", "Brussels"), Map.entry("Antwerpen", "Antwerp"), Map.entry("Warszawa", "Warsaw"),
            Map.entry("Krakow", "Krakow"), Map.entry("Sao Paulo", "Sao Paulo"), Map.entry("Mexico City", "Mexico City"));

    private Gazetteer() {}

    public static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        read("gazetteer-admin1.tsv", row -> {
            String code = row[0];
            if (code.startsWith("US.")) {
                g.usStates.put(row[1].toLowerCase(Locale.ROOT), code.substring(3));
            } else if (code.startsWith("CA.") && CA_PROVINCE_CODES.containsKey(code.substring(3))) {
                g.caProvinces.put(row[1].toLowerCase(Locale.ROOT), CA_PROVINCE_CODES.get(code.substring(3)));
            }
        });
        read("gazetteer-countries.tsv", row -> {
            Country c = new Country(row[0], row[1], row[2]);
            g.countries.put(c.code(), c);
            g.countryNames.put(c.name(), c.code());
            if (row.length > 3 && !row[3].isBlank()) {
                for (String a : row[3].split("\\|")) {
                    g.countryNames.putIfAbsent(a, c.code());
                }
            }
        });
        read("gazetteer-cities.tsv", row -> {
            String country = row[2];
            String region = switch (country) {
                case "US" -> row[3];
                case "CA" -> CA_PROVINCE_CODES.get(row[3]);
                default -> null;
            };
            String name = ENGLISH.getOrDefault(row[0], row[0]);
            City city = new City(name, country, region, Integer.parseInt(row[4]));
            g.addCity(row[0], city);
            if (!row[1].equals(row[0])) {
                g.addCity(row[1], city);
            }
            if (!name.equals(row[0])) {
                g.addCity(name, city);
            }
        });
        return g;
    }

    private void addCity(String spelling, City city) {
        citiesByName.computeIfAbsent(spelling, k -> new ArrayList<>(1)).add(city);
    }

    void addAlias(String spelling, City city) {
        citiesByName.computeIfAbsent(spelling, k -> new ArrayList<>(1)).add(0, city);
    }

    private static void read(String resource, Consumer<String[]> rows) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every spelling of a city, with its places (largest first). */
    public Map<String, List<City>> citiesByName() {
        return citiesByName;
    }

    /** Country name or alias (as spelled in the data) to ISO code. */
    public Map<String, String> countryNames() {
        return countryNames;
    }

    public Country country(String code) {
        return countries.get(code);
    }

    /** US state name (lower case) to postal code. */
    public Map<String, String> usStates() {
        return usStates;
    }

    /** Canadian province name (lower case) to postal code. */
    public Map<String, String> caProvinces() {
        return caProvinces;
    }
}
