package io.jobpulse.ingest.normalize;

import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.contracts.avro.Location;
import io.jobpulse.contracts.avro.PostingStatus;
import io.jobpulse.contracts.avro.Salary;
import io.jobpulse.ingest.connector.PostingDraft;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a connector's {@link PostingDraft} into the {@link JobPosting} contract, the same way for every source:
 * text cleaned (control characters dropped, entities decoded, HTML made safe and rendered as readable text), URLs
 * kept only when absolute http(s), dates read into UTC (an unreadable or impossible date is dropped and its raw text
 * kept in {@code attributes}), employment type, workplace type and salary period mapped to the contract's words,
 * salary text read when the source has no structured salary, and the content hash computed last.
 *
 * <p>A draft is rejected when it has no title, no description, or a description or title beyond the size limits.
 */
public final class PostingNormalizer {

    /** Largest description accepted, in characters of its source text (HTML or plain). */
    public static final int DEFAULT_MAX_DESCRIPTION_CHARS = 1_000_000;
    public static final int MAX_TITLE_CHARS = 1_000;
    private static final int MAX_TAGS = 100;
    private static final int MAX_SHORT_FIELD = 2_000;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFEFF]");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]");
    /** Compiled once: {@code String.matches} compiled this for every posting with a salary currency. */
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Set<String> CURRENCIES_SYMBOLS = Set.of("$", "€", "£");

    private final String source;
    private final int maxDescriptionChars;

    /** @param source the connector name, the {@code source} field and id prefix of every posting */
    public PostingNormalizer(String source, int maxDescriptionChars) {
        this.source = source;
        this.maxDescriptionChars = maxDescriptionChars;
    }

    public PostingNormalizer(String source) {
        this(source, DEFAULT_MAX_DESCRIPTION_CHARS);
    }

    public Normalization normalize(PostingDraft d, Instant fetchedAt) {
        String sourceId = clean(d.sourceId());
        if (sourceId == null) {
            return new Normalization.Rejected("missing id");
        }
        if (sourceId.length() > MAX_SHORT_FIELD) {
            return new Normalization.Rejected("id longer than " + MAX_SHORT_FIELD + " characters");
        }
        String rawTitle = d.title();
        if (rawTitle != null && rawTitle.length() > MAX_TITLE_CHARS * 10) {
            return new Normalization.Rejected("title of " + rawTitle.length() + " characters (limit " + MAX_TITLE_CHARS + ")");
        }
        String title = inline(rawTitle);
        if (title == null) {
            return new Normalization.Rejected("missing title");
        }
        if (title.length() > MAX_TITLE_CHARS) {
            return new Normalization.Rejected("title of " + title.length() + " characters (limit " + MAX_TITLE_CHARS + ")");
        }
        String html = blankToNull(d.descriptionHtml());
        String plain = blankToNull(d.descriptionText());
        String input = html != null ? html : plain;
        if (input == null) {
            return new Normalization.Rejected("missing description");
        }
        if (input.length() > maxDescriptionChars) {
            return new Normalization.Rejected("description of " + input.length() + " characters (limit "
                    + maxDescriptionChars + ")");
        }
        String descriptionText;
        String descriptionHtml = null;
        if (html != null) {
            HtmlText.Rendered rendered = HtmlText.render(stripControl(html));
            descriptionText = rendered.text();
            descriptionHtml = rendered.safeHtml();
        } else {
            descriptionText = HtmlText.tidyText(stripControl(plain));
        }
        if (descriptionText.isBlank()) {
            return new Normalization.Rejected("description has no text");
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        d.attributes().forEach((k, v) -> {
            String cv = clean(v);
            if (cv != null) {
                attributes.put(k, cv.length() > MAX_SHORT_FIELD ? cv.substring(0, MAX_SHORT_FIELD) : cv);
            }
        });
        Instant postedAt = date(d.postedAt(), fetchedAt, "posted_at_raw", attributes);
        Instant updatedAt = date(d.updatedAt(), fetchedAt, "updated_at_raw", attributes);

        String employmentRaw = clean(d.employmentType());
        String employment = EmploymentTypes.normalize(employmentRaw);
        if (employmentRaw != null && !employmentRaw.equals(employment)) {
            attributes.putIfAbsent("employment_type_raw", employmentRaw);
        }
        String workplaceRaw = clean(d.workplaceType());
        String workplace = workplace(workplaceRaw);
        if (workplaceRaw != null && !workplaceRaw.equals(workplace)) {
            attributes.putIfAbsent("workplace_type_raw", workplaceRaw);
        }

        List<Location> locations = new ArrayList<>();
        for (PostingDraft.LocationDraft l : d.locations()) {
            String raw = inline(l.raw());
            if (raw != null && locations.stream().noneMatch(x -> x.getRaw().equals(raw))) {
                locations.add(new Location(raw, inline(l.city()), inline(l.region()), inline(l.country()), l.remote()));
            }
        }
        String locationRaw = inline(d.locationRaw());
        if (locationRaw == null && !locations.isEmpty()) {
            locationRaw = String.join("; ", locations.stream().map(Location::getRaw).toList());
        }

        Set<String> tags = new LinkedHashSet<>();
        for (String t : d.tags()) {
            String ct = inline(t);
            if (ct != null && tags.size() < MAX_TAGS) {
                tags.add(ct.length() > 200 ? ct.substring(0, 200) : ct);
            }
        }

        String language = clean(d.language());
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            attributes.putIfAbsent("language_raw", language);
            language = null;
        }

        JobPosting p = new JobPosting();
        p.setId(source + ":" + sourceId);
        p.setSource(source);
        p.setSourceId(sourceId);
        p.setBoard(clean(d.board()));
        p.setStatus(PostingStatus.ACTIVE);
        p.setTitle(title);
        p.setCompany(inline(d.company()));
        p.setDescriptionText(descriptionText);
        p.setDescriptionHtml(descriptionHtml);
        p.setUrl(httpUrl(d.url()));
        String applyUrl = httpUrl(d.applyUrl());
        p.setApplyUrl(applyUrl != null && !applyUrl.equals(p.getUrl()) ? applyUrl : null);
        p.setPostedAt(postedAt);
        p.setUpdatedAt(updatedAt);
        p.setFetchedAt(fetchedAt);
        p.setClosedAt(null);
        p.setLocationRaw(locationRaw);
        p.setLocations(locations);
        p.setRemote(d.remote());
        p.setWorkplaceType(workplace);
        p.setEmploymentType(employment);
        p.setDepartment(inline(d.department()));
        p.setSalary(salary(d.salary()));
        p.setTags(new ArrayList<>(tags));
        p.setLanguage(language);
        p.setAttributes(attributes);
        p.setContentHash(ContentHash.of(p));
        return new Normalization.Accepted(p);
    }

    /** A CLOSED lifecycle event for a posting its source no longer lists. */
    public static JobPosting closed(String postingId, String source, String sourceId, String board, String lastHash,
                                    Instant now) {
        JobPosting p = new JobPosting();
        p.setId(postingId);
        p.setSource(source);
        p.setSourceId(sourceId);
        p.setBoard(board);
        p.setStatus(PostingStatus.CLOSED);
        p.setContentHash(lastHash == null ? "" : lastHash);
        p.setTitle("");
        p.setDescriptionText("");
        p.setFetchedAt(now);
        p.setClosedAt(now);
        p.setLocations(List.of());
        p.setTags(List.of());
        p.setAttributes(Map.of());
        return p;
    }

    private static Salary salary(PostingDraft.SalaryDraft s) {
        if (s == null) {
            return null;
        }
        String raw = inline(s.raw());
        Double min = amount(s.min());
        Double max = amount(s.max());
        String currency = currency(s.currency());
        String period = PayPeriods.normalize(s.period());
        if (min == null && max == null && raw != null) {
            SalaryText.Parsed parsed = SalaryText.parse(raw);
            if (parsed != null) {
                min = parsed.min();
                max = parsed.max();
                currency = currency != null ? currency : parsed.currency();
                period = period != null ? period : parsed.period();
            }
        }
        if (min != null && max != null && min > max) {
            Double t = min;
            min = max;
            max = t;
        }
        if (min == null && max == null && raw == null) {
            return null;
        }
        return new Salary(min, max, currency, period, raw);
    }

    private static Double amount(Double v) {
        return v == null || !Double.isFinite(v) || v <= 0 ? null : v;
    }

    private static String currency(String raw) {
        if (raw == null) {
            return null;
        }
        String c = raw.strip().toUpperCase(Locale.ROOT);
        if (CURRENCIES_SYMBOLS.contains(c)) {
            return switch (c) {
                case "$" -> "USD";
                case "€" -> "EUR";
                default -> "GBP";
            };
        }
        return CURRENCY_CODE.matcher(c).matches() ? c : null;
    }

    private static String workplace(String raw) {
        if (raw == null) {
            return null;
        }
        String s = NOT_LETTERS.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
        if (s.contains("hybrid")) {
            return "hybrid";
        }
        if (s.contains("remote") || s.equals("telecommute")) {
            return "remote";
        }
        if (s.contains("onsite") || s.contains("office") || s.equals("inperson")) {
            return "onsite";
        }
        return null;
    }

    private static Instant date(String raw, Instant now, String rawKey, Map<String, String> attributes) {
        String r = clean(raw);
        if (r == null) {
            return null;
        }
        Instant parsed = Timestamps.parse(r, now);
        if (parsed == null) {
            attributes.put(rawKey, r.length() > 100 ? r.substring(0, 100) : r);
        }
        return parsed;
    }

    private static String httpUrl(String raw) {
        String s = clean(raw);
        if (s == null || s.length() > MAX_SHORT_FIELD) {
            return null;
        }
        try {
            URI uri = new URI(s.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Text of a short field that may carry markup or entities, whitespace collapsed; null when empty. */
    private static String inline(String s) {
        String c = clean(s);
        if (c == null) {
            return null;
        }
        String t = HtmlText.inlineText(c);
        if (t.isEmpty()) {
            return null;
        }
        return t.length() > MAX_SHORT_FIELD * 5 ? t.substring(0, MAX_SHORT_FIELD * 5) : t;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = stripControl(s).strip();
        return c.isEmpty() ? null : c;
    }

    private static String stripControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0x7F || ch == '\uFEFF') {
                return CONTROL.matcher(s).replaceAll("");
            }
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
