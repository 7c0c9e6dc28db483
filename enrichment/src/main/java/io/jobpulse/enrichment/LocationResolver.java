package io.jobpulse.enrichment;

import io.jobpulse.enrichment.text.Header;
import io.jobpulse.enrichment.text.PhraseMatcher;
import io.jobpulse.enrichment.text.PlainText;
import io.jobpulse.enrichment.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work locations and remote regions of a posting.
 *
 * <p>Places count where postings state where the work is: the header ("Acme | Berlin, Germany | ONSITE"), after
 * location cues ("based in", "offices in", "Location:") and in lists that continue them ("offices in SF, NYC and
 * London"). Places in a remote qualifier ("Remote (US, Canada)", "REMOTE within UK/Europe", "US time zones") are
 * remote regions, not work locations. Ambiguous city names resolve by an explicit qualifier ("Cambridge, MA"), then
 * by countries the posting names, then by population. Thread-safe.
 */
public final class LocationResolver {

    /** Locations and remote regions of one posting. */
    public record Result(List<Location> locations, List<String> remoteRegions) {}

    private static final int CITY = 1 << 24;
    private static final int COUNTRY = 2 << 24;
    private static final int STATE = 3 << 24;
    private static final int REGION = 4 << 24;
    private static final int REMOTE = 5 << 24;
    private static final int SWITCH = 6 << 24;
    private static final int CUE = 7 << 24;
    private static final int TIMEZONE = 8 << 24;
    private static final int STOP = 9 << 24;
    private static final int KIND = 0xFF << 24;

    private static final String[] REGIONS = {"EU", "EMEA", "Americas", "APAC", "WORLD"};

    /** City names that are ordinary words, names or technologies far more often than places. */
    private static final Set<String> CITY_STOP = Set.of("Mobile", "Nice", "Split", "Reading", "Bath", "Orange", "Victoria",
            "Phoenix", "Independence", "Aurora", "Normal", "Commerce", "Enterprise", "Deal", "March", "Opportunity", "Surprise",
            "Marina", "Paradise", "Sale", "Bury", "Rugby", "Mission", "Florida", "Jersey", "Best", "Of", "Lead", "Ruby", "Bor",
            "Industry", "University", "Liberty", "Unity", "Union", "Progress", "Providence", "Concord", "Temple", "Spring",
            "Hope", "Hayward", "Gilbert", "Frederick", "Lawrence", "Lincoln", "Franklin", "Jackson", "Hamilton", "Kent",
            "Warren", "Troy", "Vista", "Pearl", "Plano", "Canton", "Carmel", "Federal", "General", "Leader", "Date", "Delta",
            "Mercedes", "Ocean", "Salem", "Santa", "Cork", "Hull", "Wells", "Chester", "Bedford", "Barking", "Crawley",
            "Bright", "Sandy", "Mesa", "Cloud", "Data", "Ontario", "Georgia", "Colorado", "Washington", "Nevada", "Texas",
            "Virginia", "Indiana", "Kansas", "Delaware", "Alabama", "Arkansas", "Vermont", "Maine", "Oregon", "Montana",
            "Wyoming", "Dakota", "Columbia", "Regina", "Levin", "Stuttgart Ost", "Mandal", "Bayan", "Kota", "Marathon",
            "Mobile City", "Hyderabad Deccan", "Lima Lima", "Ilo", "Pau", "Aba", "Ede", "Sur", "Bar", "Man", "Ho", "Bo",
            "Hit", "Mit", "Hue", "Ar", "Ye", "Lo", "Di", "Ti", "Bac", "Ba", "Ad", "As", "Bu", "Da", "Ha", "Na", "Sa",
            "Uni", "Tama", "Many", "Weston", "Bristol Township", "Eagle", "Boa Vista", "Mansfield", "Normandy", "Chino",
            "Sparks", "Allen", "Irving", "Sherman", "Tyler", "Kennedy", "Garland", "Pharr", "Laredo", "Cleveland Heights",
            "Atlas", "Aurangabad", "Center", "Central", "Madrid Centro", "Guadalupe", "Stanford University", "Tempe",
            "Champion", "Victory", "Welcome", "Cape", "Nelson", "Grant", "Chandler", "Parker", "Taylor", "Arlington",
            "Auburn", "Boulder City", "Greenville", "Clinton", "Marion", "Newport", "Dover", "Hudson", "Logan", "Ogden",
            "Orem", "Provo", "Santa Clara Pueblo", "Pueblo", "Gary", "Norman", "Edison", "Fremont", "Chico", "Davis",
            "Lafayette", "Jupiter", "Venus", "Mars", "Saturn", "Mercury", "Apollo", "Titan", "Atlanta Station");

    private final Gazetteer gazetteer;
    private final PhraseMatcher matcher;
    private final PhraseMatcher keywords;
    private final List<List<Gazetteer.City>> cityGroups = new ArrayList<>();
    private final List<String> countryCodes = new ArrayList<>();
    private final List<String[]> states = new ArrayList<>();

    public LocationResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        PhraseMatcher.Builder b = PhraseMatcher.builder().upperCaseStarts(true);
        PhraseMatcher.Builder kw = PhraseMatcher.builder();
        // Short forms postings use for big hubs (exact spelling).
        alias(b, "SF", "San Francisco", "US", "CA");
        alias(b, "San Fran", "San Francisco", "US", "CA");
        alias(b, "Bay Area", "San Francisco", "US", "CA");
        alias(b, "SF Bay Area", "San Francisco", "US", "CA");
        alias(b, "SF Bay", "San Francisco", "US", "CA");
        alias(b, "San Francisco Bay Area", "San Francisco", "US", "CA");
        alias(b, "SFBA", "San Francisco", "US", "CA");
        alias(b, "NYC", "New York", "US", "NY");
        alias(b, "New York", "New York", "US", "NY");
        alias(b, "New York City", "New York", "US", "NY");
        alias(b, "NY", "New York", "US", "NY");
        alias(b, "Manhattan", "New York", "US", "NY");
        alias(b, "Brooklyn", "New York", "US", "NY");
        alias(b, "DC", "Washington", "US", "DC");
        alias(b, "D.C.", "Washington", "US", "DC");
        alias(b, "Washington DC", "Washington", "US", "DC");
        alias(b, "Washington, DC", "Washington", "US", "DC");
        alias(b, "Washington D.C.", "Washington", "US", "DC");
        alias(b, "Washington, D.C.", "Washington", "US", "DC");
        alias(b, "LA", "Los Angeles", "US", "CA");
        alias(b, "Stanford", "Stanford", "US", "CA");
        alias(b, "Orange County", "Orange County", "US", "CA");
        alias(b, "Silicon Valley", "San Francisco", "US", "CA");
        alias(b, "Bangalore", "Bangalore", "IN", null);
        alias(b, "Bengaluru", "Bangalore", "IN", null);
        alias(b, "Zürich", "Zurich", "CH", null);
        alias(b, "Gurgaon", "Gurgaon", "IN", null);
        alias(b, "Gurugram", "Gurgaon", "IN", null);
        alias(b, "Tel Aviv", "Tel Aviv", "IL", null);
        alias(b, "Tel-Aviv", "Tel Aviv", "IL", null);
        alias(b, "Kiev", "Kyiv", "UA", null);
        for (Map.Entry<String, List<Gazetteer.City>> e : gazetteer.citiesByName().entrySet()) {
            String name = e.getKey();
            if (CITY_STOP.contains(name) || name.length() < 3 || !Character.isUpperCase(name.charAt(0))) {
                continue;
            }
            List<Gazetteer.City> list = new ArrayList<>(e.getValue());
            list.sort((x, y) -> Integer.compare(y.population(), x.population()));
            cityGroups.add(list);
            b.add(name, CITY | (cityGroups.size() - 1), true);
        }
        for (Map.Entry<String, String> e : gazetteer.countryNames().entrySet()) {
            countryCodes.add(e.getValue());
            b.add(e.getKey(), COUNTRY | (countryCodes.size() - 1), true);
        }
        String[][] extraCountries = {{"U.S.", "US"}, {"U.S.A.", "US"}, {"U.S", "US"}, {"USA", "US"}, {"United States", "US"},
                {"UK", "GB"}, {"U.K.", "GB"}, {"England", "GB"}, {"Scotland", "GB"}, {"Wales", "GB"}, {"Deutschland", "DE"},
                {"The Netherlands", "NL"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"}, {"South Korea", "KR"}, {"Korea", "KR"},
                {"UAE", "AE"}, {"Vietnam", "VN"}, {"Russia", "RU"}, {"Türkiye", "TR"}, {"Turkey", "TR"}, {"Canada", "CA"},
                {"CANADA", "CA"}, {"Brasil", "BR"}, {"México", "MX"}, {"Holland", "NL"}};
        for (String[] c : extraCountries) {
            countryCodes.add(c[1]);
            b.add(c[0], COUNTRY | (countryCodes.size() - 1), true);
        }
        for (Map.Entry<String, String> e : gazetteer.usStates().entrySet()) {
            String name = titleCase(e.getKey());
            if (aliasSpellings.contains(name) || gazetteer.citiesByName().containsKey(name) && !CITY_STOP.contains(name)) {
                continue; // "New York": the city; the state still qualifies cities ("Albany, New York")
            }
            states.add(new String[] {"US", e.getValue()});
            b.add(name, STATE | (states.size() - 1), true);
        }
        for (Map.Entry<String, String> e : gazetteer.caProvinces().entrySet()) {
            states.add(new String[] {"CA", e.getValue()});
            b.add(titleCase(e.getKey()), STATE | (states.size() - 1), true);
        }
        String[][] regions = {{"EU", "0"}, {"Europe", "0"}, {"European Union", "0"}, {"European", "0"}, {"Eurozone", "0"},
                {"EEA", "0"}, {"EMEA", "1"}, {"Americas", "2"}, {"LATAM", "2"}, {"LatAm", "2"}, {"Latin America", "2"},
                {"South America", "2"}, {"North America", "2"}, {"North American", "2"}, {"APAC", "3"}, {"Asia", "3"},
                {"Asia-Pacific", "3"}, {"Asia Pacific", "3"}, {"Anywhere", "4"}, {"anywhere", "4"}, {"Worldwide", "4"},
                {"worldwide", "4"}, {"World-wide", "4"}, {"Global", "4"}, {"global", "4"}, {"International", "4"},
                {"international", "4"}, {"Everywhere", "4"}, {"anywhere in the world", "4"}, {"WORLDWIDE", "4"},
                {"ANYWHERE", "4"}, {"GLOBAL", "4"}, {"INTERNATIONAL", "4"}};
        for (String[] r : regions) {
            (Character.isUpperCase(r[0].charAt(0)) ? b : kw).add(r[0], REGION | Integer.parseInt(r[1]), true);
        }
        for (String p : new String[] {"remote", "remotely", "fully remote", "remote-first", "wfh", "work from home", "distributed"}) {
            kw.add(p, REMOTE, false);
        }
        for (String p : new String[] {"office", "offices", "hybrid", "onsite", "on-site", "in-person", "in person", "hq",
                "headquarters", "headquartered", "in office", "in-office", "located in", "based in"}) {
            kw.add(p, SWITCH, false);
        }
        for (String p : new String[] {"location:", "locations:", "location -", "located in", "based in", "based out of",
                "office in", "offices in", "office is in", "offices are in", "hq in", "hq'd in", "headquartered in",
                "onsite in", "on-site in", "hybrid in", "in-person in", "in person in", "relocate to", "relocation to",
                "hubs in", "hub in", "studio in", "studios in", "work from our", "join us in", "positions in",
                "roles in", "office locations", "office location", "locations in", "in-office in", "onsite at", "campus in",
                "office space in", "team in", "teams in", "hiring in"}) {
            kw.add(p, CUE, false);
        }
        String[][] tz = {{"US time zones", "US"}, {"U.S. time zones", "US"}, {"US timezones", "US"}, {"U.S. timezones", "US"},
                {"US timezone", "US"}, {"USA timezones", "US"}, {"USA time zones", "US"}, {"US hours", "US"},
                {"American time zones", "Americas"}, {"EST", "US"}, {"PST", "US"}, {"ET", "US"}, {"PT", "US"}, {"CST", "US"},
                {"CET", "EU"}, {"CEST", "EU"}, {"European time zones", "EU"}, {"European timezones", "EU"},
                {"EU time zones", "EU"}, {"EU timezones", "EU"}, {"UTC", "WORLD"}, {"GMT", "EU"}};
        for (String[] t : tz) {
            b.add(t[0], TIMEZONE | indexOfTz(t[1]), true);
        }
        for (String p : new String[] {"New York Times", "New Yorker", "Washington Post", "Series A", "Series B", "Series C",
                "Los Angeles Times", "Chicago Tribune", "Boston Globe", "Boston Dynamics", "Berkeley Lab", "Stanford University",
                "MIT", "Cambridge University", "Oxford University", "University of Cambridge", "University of Oxford",
                "Georgia Tech", "Virginia Tech", "Penn State", "Ohio State", "Bay Area-based", "Java", "Sydney Opera",
                "Paris Agreement", "Singapore Airlines", "Amsterdam-based", "London-based", "Berlin-based", "Deutsche Bank",
                "American Express", "Bank of America", "America's", "Latin American", "European Commission", "Dutch",
                "Swiss", "Indian", "British", "German", "French", "Canadian", "Australian", "Japanese", "Chinese"}) {
            b.add(p, STOP, true);
        }
        this.matcher = b.build();
        this.keywords = kw.build();
    }

    private static int indexOfTz(String region) {
        return switch (region) {
            case "US" -> 0;
            case "EU" -> 1;
            case "Americas" -> 2;
            default -> 3;
        };
    }

    private static final String[] TZ_REGIONS = {"US", "EU", "Americas", "WORLD"};

    private final Set<String> aliasSpellings = new java.util.HashSet<>();

    private void alias(PhraseMatcher.Builder b, String spelling, String city, String country, String region) {
        aliasSpellings.add(spelling);
        cityGroups.add(List.of(new Gazetteer.City(city, country, region, Integer.MAX_VALUE)));
        b.add(spelling, CITY | (cityGroups.size() - 1), true);
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean up = true;
        for (char c : s.toCharArray()) {
            sb.append(up ? Character.toUpperCase(c) : c);
            up = c == ' ' || c == '-';
        }
        return sb.toString();
    }

    /** Resolves a posting's locations from its text (and raw location / structured parts when given). */
    public Result resolve(PlainText plain, Header header, String rawLocation, StructuredHints hints, boolean remotePosting) {
        Collector col = new Collector();
        scan(plain.text(), plain, header, remotePosting, col);
        if (rawLocation != null && !rawLocation.isBlank()) {
            PlainText raw = PlainText.of(null, rawLocation);
            scan(raw.text(), raw, new Header(0, raw.text().length()), remotePosting, col);
        }
        if (hints.country() != null || hints.city() != null) {
            String country = hints.country() == null ? null : hints.country().toUpperCase(java.util.Locale.ROOT);
            if (country != null && country.length() != 2) {
                country = gazetteer.countryNames().get(hints.country());
            }
            col.locations.add(new Location(hints.city(), hints.region(), country));
        }
        // A country counts on its own only when no city of it was found.
        List<Location> out = new ArrayList<>();
        Set<String> cityCountries = new java.util.HashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Location l : col.locations) {
            if (l.city() != null) {
                cityCountries.add(l.country());
            }
        }
        for (Location l : col.locations) {
            if (l.city() == null && cityCountries.contains(l.country())) {
                continue;
            }
            if (l.city() == null && l.region() == null && l.country() != null) {
                // keep one country-only entry
            }
            String key = l.city() + "|" + l.region() + "|" + l.country();
            if (seen.add(key)) {
                out.add(l);
            }
        }
        return new Result(out, List.copyOf(col.remote));
    }

    private static final class Collector {
        final List<Location> locations = new ArrayList<>();
        final LinkedHashSet<String> remote = new LinkedHashSet<>();
    }

    private void scan(String text, PlainText plain, Header header, boolean remotePosting, Collector col) {
        // Gather matches first: qualifiers and countries mentioned anywhere steer ambiguous cities.
        int[][] m = {new int[96]};
        int[] count = {0};
        PhraseMatcher.Sink sink = (payload, start, end) -> {
            if (plain.inLink(start, end)) {
                return true;
            }
            int n = count[0];
            if (3 * n + 3 > m[0].length) {
                m[0] = java.util.Arrays.copyOf(m[0], m[0].length * 2);
            }
            m[0][3 * n] = payload;
            m[0][3 * n + 1] = start;
            m[0][3 * n + 2] = end;
            count[0] = n + 1;
            return true;
        };
        plain.scan(keywords, sink);
        int keywordCount = count[0];
        plain.scan(matcher, sink);
        int n = count[0];
        int[] ms = m[0];
        if (keywordCount > 0 && keywordCount < n) {
            sortByStart(ms, n);
        }
        Set<String> mentionedCountries = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            int kind = ms[3 * i] & KIND;
            if (kind == COUNTRY) {
                mentionedCountries.add(countryCodes.get(ms[3 * i] & ~KIND));
            } else if (kind == STATE) {
                mentionedCountries.add(states.get(ms[3 * i] & ~KIND)[0]);
            }
        }
        boolean headerHasCity = false;
        for (int i = 0; i < n && ms[3 * i + 1] < header.end(); i++) {
            if ((ms[3 * i] & KIND) == CITY) {
                headerHasCity = true;
            }
        }
        int remoteUntil = -1;     // remote qualifier active until this offset
        int cueUntil = -1;        // location cue active until this offset
        int lastPlaceEnd = -1;    // end of the last accepted place (for lists)
        boolean lastPlaceRemote = false;
        int parenDepthAtRemote = -1;
        for (int i = 0; i < n; i++) {
            int payload = ms[3 * i];
            int kind = payload & KIND;
            int idx = payload & ~KIND;
            int start = ms[3 * i + 1];
            int end = ms[3 * i + 2];
            boolean inHeader = header.contains(start);
            int[] seg = inHeader ? header.segment(text, start) : null;
            switch (kind) {
                case REMOTE -> {
                    String next = Words.after(text, end);
                    if (next.equals("sensing") || next.equals("control") || next.equals("teams") || next.equals("team")) {
                        continue;
                    }
                    remoteUntil = inHeader ? seg[1] : sentenceEnd(text, end, 90);
                    if (!inHeader) {
                        remoteUntil = Math.min(remoteUntil, end + 90);
                    }
                    int paren = text.indexOf(')', end);
                    int open = text.indexOf('(', end);
                    if (open >= 0 && open <= end + 3 && paren > open && paren < remoteUntil + 1) {
                        remoteUntil = paren;
                    }
                    parenDepthAtRemote = 0;
                }
                case SWITCH -> {
                    if (start < remoteUntil) {
                        remoteUntil = start;
                    }
                    String s = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
                    if (s.contains("office") || s.contains("onsite") || s.contains("on-site") || s.contains("person")
                            || s.contains("hybrid") || s.startsWith("h")) {
                        cueUntil = Math.max(cueUntil, Math.min(sentenceEnd(text, end, 60), end + 60));
                    }
                }
                case CUE -> cueUntil = Math.max(cueUntil, Math.min(sentenceEnd(text, end, 120), end + 120));
                case STOP -> { }
                case TIMEZONE -> {
                    String region = TZ_REGIONS[idx];
                    String surface = text.substring(start, end);
                    if (surface.length() <= 4) {
                        // bare zone abbreviations count only in a remote qualifier or next to "time"/"+/-"
                        if (!(start < remoteUntil) && !Words.after(text, end).startsWith("time") && Words.charAfter(text, end) != '+'
                                && Words.charAfter(text, end) != '\u00B1') {
                            continue;
                        }
                    }
                    if (remotePosting) {
                        if (Words.precededBy(text, start, 30, "within") && Words.precededBy(text, start, 30, "hour") && region.equals("US")) {
                            region = "Americas";
                        }
                        col.remote.add(region);
                    }
                }
                case REGION -> {
                    String region = REGIONS[idx];
                    boolean remoteCtx = start < remoteUntil || (inHeader && remotePosting && !headerHasCity && !segmentHasPlaceBefore(ms, n, i, seg))
                            || (lastPlaceRemote && listContinues(text, lastPlaceEnd, start));
                    if (region.equals("WORLD") && !(start < remoteUntil) && !(inHeader && Character.isUpperCase(text.charAt(start)))) {
                        continue;
                    }
                    if (remoteCtx && remotePosting) {
                        col.remote.add(region);
                        lastPlaceEnd = end;
                        lastPlaceRemote = true;
                    }
                }
                case COUNTRY, STATE -> {
                    String country = kind == COUNTRY ? countryCodes.get(idx) : states.get(idx)[0];
                    String region = kind == STATE ? states.get(idx)[1] : null;
                    if (isQualifier(text, ms, i)) {
                        continue; // "Austin, TX" / "Berlin, Germany" was used by the city
                    }
                    String after = text.substring(end, Math.min(text.length(), end + 6));
                    if (after.startsWith("-based") || after.startsWith(" based")) {
                        if (remotePosting && (start < remoteUntil || Words.precededBy(text, start, 30, "remote"))) {
                            col.remote.add(country);
                        }
                        continue;
                    }
                    boolean remoteCtx = start < remoteUntil || (lastPlaceRemote && listContinues(text, lastPlaceEnd, start))
                            || (inHeader && remotePosting && !headerHasCity && kind == COUNTRY && !segmentHasPlaceBefore(ms, n, i, seg)
                            && !onsiteWord(text, seg));
                    if (remoteCtx) {
                        if (remotePosting || start < remoteUntil) {
                            col.remote.add(kind == STATE ? "US".equals(country) ? "US" : country : country);
                        }
                        lastPlaceEnd = end;
                        lastPlaceRemote = true;
                        continue;
                    }
                    if (inHeader || start < cueUntil || listContinues(text, lastPlaceEnd, start) && !lastPlaceRemote) {
                        col.locations.add(new Location(null, region, country));
                        lastPlaceEnd = end;
                        lastPlaceRemote = false;
                    }
                }
                case CITY -> {
                    List<Gazetteer.City> cands = cityGroups.get(idx);
                    boolean alias = cands.size() == 1 && cands.get(0).population() == Integer.MAX_VALUE;
                    String surface = text.substring(start, end);
                    if (alias && (surface.equals("LA") || surface.equals("NY") || surface.equals("DC")) && !inHeader && !(start < cueUntil)) {
                        continue;
                    }
                    if (isQualifier(text, ms, i) && gazetteer.usStates().containsKey(surface.toLowerCase(java.util.Locale.ROOT))) {
                        continue; // "Albany, New York": the state of the city before
                    }
                    if (!(inHeader || start < cueUntil || listContinues(text, lastPlaceEnd, start))) {
                        continue;
                    }
                    if (Words.after(text, end).equals("based") || text.startsWith("-based", end)) {
                        if (!inHeader) {
                            continue;
                        }
                    }
                    Gazetteer.City city = pick(cands, text, end, mentionedCountries);
                    if (city == null) {
                        continue;
                    }
                    if (!inHeader && city.population() < 50_000 && !(start < cueUntil) && !alias) {
                        continue;
                    }
                    col.locations.add(new Location(city.name(), city.region(), city.country()));
                    lastPlaceEnd = qualifierEnd(text, ms, n, i, end);
                    lastPlaceRemote = false;
                }
                default -> { }
            }
        }
    }

    /** Orders the (payload, start, end) triples by start; the two scans each report in order, so this is a merge. */
    private static void sortByStart(int[] ms, int n) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) ms[3 * i + 1] << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int[] copy = java.util.Arrays.copyOf(ms, 3 * n);
        for (int i = 0; i < n; i++) {
            int j = (int) keys[i];
            ms[3 * i] = copy[3 * j];
            ms[3 * i + 1] = copy[3 * j + 1];
            ms[3 * i + 2] = copy[3 * j + 2];
        }
    }

    private static boolean onsiteWord(String text, int[] seg) {
        if (seg == null) {
            return false;
        }
        String s = text.substring(seg[0], seg[1]).toLowerCase(java.util.Locale.ROOT);
        return s.contains("onsite") || s.contains("on-site") || s.contains("office") || s.contains("hybrid") || s.contains("in-person")
                || s.contains("in person");
    }

    private static boolean segmentHasPlaceBefore(int[] ms, int n, int i, int[] seg) {
        return false;
    }

    /** The next match is a qualifier of this city ("Austin, TX"): extend the list position past it. */
    private int qualifierEnd(String text, int[] ms, int n, int i, int end) {
        if (i + 1 < n && isQualifier(text, ms, i + 1)) {
            return ms[3 * (i + 1) + 2];
        }
        int q = skipQualifierSep(text, end);
        String code = stateCodeAt(text, q);
        return code != null ? q + 2 : end;
    }

    /** True when match i directly follows a city as its qualifier ("Austin, TX", "Berlin, Germany", "Pune (India)"). */
    private boolean isQualifier(String text, int[] ms, int i) {
        if (i == 0) {
            return false;
        }
        int prevKind = ms[3 * (i - 1)] & KIND;
        if (prevKind != CITY && prevKind != STATE) {
            return false;
        }
        int prevEnd = ms[3 * (i - 1) + 2];
        int start = ms[3 * i + 1];
        int q = skipQualifierSep(text, prevEnd);
        if (q == start) {
            return true;
        }
        // "Boulder, Colorado, USA": state then country
        String code = stateCodeAt(text, q);
        return code != null && skipQualifierSep(text, q + 2) == start;
    }

    private static int skipQualifierSep(String text, int pos) {
        int i = pos;
        int n = text.length();
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i < n && (text.charAt(i) == ',' || text.charAt(i) == '(')) {
            i++;
        }
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static final Set<String> US_CODES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID",
            "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
            "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC");
    private static final Set<String> CA_CODES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "YT", "NT", "NU");

    private static String stateCodeAt(String text, int q) {
        if (q + 2 > text.length()) {
            return null;
        }
        char a = text.charAt(q);
        char b = text.charAt(q + 1);
        if (!(Character.isUpperCase(a) && Character.isUpperCase(b))) {
            return null;
        }
        if (q + 2 < text.length() && Character.isLetter(text.charAt(q + 2))
                && !(Character.isUpperCase(text.charAt(q + 2)) && q + 3 < text.length() && Character.isLowerCase(text.charAt(q + 3)))) {
            return null;
        }
        String code = text.substring(q, q + 2);
        return US_CODES.contains(code) || CA_CODES.contains(code) ? code : null;
    }

    /** Chooses among same-named cities: explicit qualifier, then countries the posting names, then population. */
    private Gazetteer.City pick(List<Gazetteer.City> cands, String text, int end, Set<String> mentioned) {
        int q = skipQualifierSep(text, end);
        String code = stateCodeAt(text, q);
        if (code != null) {
            for (Gazetteer.City c : cands) {
                if (code.equals(c.region())) {
                    return c;
                }
            }
        }
        String word = qualifierWords(text, q);
        if (!word.isEmpty()) {
            String cc = gazetteer.countryNames().get(word);
            if (cc == null) {
                cc = switch (word) {
                    case "USA", "U.S.", "US", "United States" -> "US";
                    case "UK", "U.K.", "England", "Scotland", "Wales" -> "GB";
                    default -> null;
                };
            }
            String st = gazetteer.usStates().get(word.toLowerCase(java.util.Locale.ROOT));
            String pr = gazetteer.caProvinces().get(word.toLowerCase(java.util.Locale.ROOT));
            for (Gazetteer.City c : cands) {
                if (cc != null && cc.equals(c.country()) || st != null && "US".equals(c.country()) && st.equals(c.region())
                        || pr != null && "CA".equals(c.country()) && pr.equals(c.region())) {
                    return c;
                }
            }
        }
        Gazetteer.City best = cands.get(0);
        if (best.population() == Integer.MAX_VALUE) {
            return best;
        }
        for (Gazetteer.City c : cands) {
            if (mentioned.contains(c.country()) && c.population() * 20L >= best.population()) {
                return c;
            }
        }
        return best;
    }

    private static String qualifierWords(String text, int q) {
        int i = q;
        int n = text.length();
        int words = 0;
        while (i < n && words < 3) {
            int s = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
                if (i < n && Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i - 1))) {
                    break; // glued next word
                }
            }
            if (i == s) {
                break;
            }
            words++;
            if (i < n && text.charAt(i) == ' ' && i + 1 < n && Character.isUpperCase(text.charAt(i + 1)) && words < 3) {
                i++;
            } else {
                break;
            }
        }
        String w = text.substring(q, i).strip();
        return w.endsWith(".") && !w.endsWith("S.") && !w.endsWith("K.") && !w.endsWith("A.") ? w.substring(0, w.length() - 1) : w;
    }

    /** True when [from, to) is just list glue: ", ", " / ", " & ", " and ", " or ", "(". */
    private static boolean listContinues(String text, int from, int to) {
        if (from < 0 || to < from || to - from > 8) {
            return false;
        }
        String gap = text.substring(from, to).strip().toLowerCase(java.util.Locale.ROOT);
        return gap.isEmpty() || gap.equals(",") || gap.equals("/") || gap.equals("&") || gap.equals("and") || gap.equals("or")
                || gap.equals(", and") || gap.equals(", or") || gap.equals("(") || gap.equals(";") || gap.equals("+")
                || gap.equals("|") || gap.equals("-") || gap.equals(")") || gap.equals("),") || gap.equals("or in");
    }

    private static int sentenceEnd(String text, int from, int max) {
        int limit = Math.min(text.length(), from + max);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '|' || ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                    && (text.charAt(i + 1) == ' ' || Character.isUpperCase(text.charAt(i + 1))) && i > 0 && Character.isLowerCase(text.charAt(i - 1)))) {
                return i;
            }
        }
        return limit;
    }
}
