package io.jobpulse.ingest.connector.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import io.jobpulse.ingest.connector.PostingDraft.SalaryDraft;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.jobpulse.ingest.connector.JsonDocuments.number;
import static io.jobpulse.ingest.connector.JsonDocuments.text;

/**
 * Maps a schema.org JobPosting: values may be a string, an object or an array of either (schema.org allows all
 * three), so every field is read through {@link #values}. The posting's id is its {@code identifier}, else its
 * {@code url}, else the page URL and its position on the page; the board is the page's host.
 */
final class JsonLdMapper {

    private final String company;

    JsonLdMapper(String company) {
        this.company = company;
    }

    void map(JsonNode p, URI page, int index, ItemSink sink) {
        String host = String.valueOf(page.getHost()).toLowerCase(Locale.ROOT);
        String identifier = identifier(p.get("identifier"));
        String url = first(p, "url");
        String localId = identifier != null ? identifier : url != null ? url : page + "#" + index;
        PostingDraft.Builder b = PostingDraft.builder(host + ":" + localId).board(host).rawPayload(p::toString);
        String title = first(p, "title");
        b.title(title != null ? title : first(p, "name"));
        b.descriptionHtml(first(p, "description"));
        b.url(url != null ? page.resolve(url.replace(" ", "%20")).toString() : page.toString());
        b.postedAt(first(p, "datePosted"));
        b.updatedAt(first(p, "dateModified"));
        b.attribute("valid_through", first(p, "validThrough"));
        b.employmentType(String.join(", ", strings(p.get("employmentType"))));
        String org = name(p.get("hiringOrganization"));
        b.company(org != null ? org : company);
        List<String> raws = new ArrayList<>();
        for (JsonNode place : values(p.get("jobLocation"))) {
            LocationDraft l = location(place);
            if (l != null) {
                b.location(l);
                raws.add(l.raw());
            }
        }
        b.locationRaw(raws.isEmpty() ? null : String.join("; ", raws));
        boolean telecommute = strings(p.get("jobLocationType")).stream().anyMatch(s -> s.equalsIgnoreCase("TELECOMMUTE"));
        if (telecommute) {
            b.remote(true);
            b.workplaceType("remote");
        }
        List<String> applicantLocations = new ArrayList<>();
        for (JsonNode req : values(p.get("applicantLocationRequirements"))) {
            String n = name(req);
            if (n != null) {
                applicantLocations.add(n);
            }
        }
        if (!applicantLocations.isEmpty()) {
            b.attribute("applicant_location_requirements", String.join("; ", applicantLocations));
            if (telecommute && raws.isEmpty()) {
                applicantLocations.forEach(l -> b.location(new LocationDraft(l, null, null, l, true)));
            }
        }
        JsonNode salary = firstNode(p.get("baseSalary"));
        if (salary == null) {
            salary = firstNode(p.get("estimatedSalary"));
        }
        if (salary != null) {
            b.salary(salary(salary));
        }
        b.department(first(p, "occupationalCategory"));
        b.attribute("industry", String.join(", ", strings(p.get("industry"))));
        b.attribute("skills", String.join(", ", strings(p.get("skills"))));
        b.attribute("qualifications", first(p, "qualifications"));
        b.attribute("experience_requirements", experience(p.get("experienceRequirements")));
        b.attribute("education_requirements", name(p.get("educationRequirements")) != null
                ? name(p.get("educationRequirements")) : first(p, "educationRequirements"));
        b.attribute("work_hours", first(p, "workHours"));
        b.attribute("direct_apply", first(p, "directApply"));
        b.attribute("page_url", page.toString());
        String lang = first(p, "inLanguage");
        b.language(lang);
        sink.parsed(b.build());
    }

    private static SalaryDraft salary(JsonNode s) {
        if (!s.isObject()) {
            Double amount = s.isNumber() ? s.doubleValue() : null;
            return new SalaryDraft(amount, amount, null, null, s.isValueNode() ? s.asText() : null);
        }
        String currency = text(s, "currency");
        JsonNode value = firstNode(s.get("value"));
        if (value == null) {
            return new SalaryDraft(null, null, currency, null, null);
        }
        if (!value.isObject()) {
            Double amount = value.isNumber() ? value.doubleValue() : number(s, "value");
            return new SalaryDraft(amount, amount, currency, null, null);
        }
        Double min = number(value, "minValue");
        Double max = number(value, "maxValue");
        Double single = number(value, "value");
        if (min == null && max == null) {
            min = single;
            max = single;
        }
        return new SalaryDraft(min, max, currency, text(value, "unitText"), null);
    }

    private static LocationDraft location(JsonNode place) {
        if (place.isTextual()) {
            return LocationDraft.of(place.asText());
        }
        JsonNode address = firstNode(place.get("address"));
        if (address == null) {
            String n = text(place, "name");
            return n == null ? null : LocationDraft.of(n);
        }
        if (address.isTextual()) {
            return LocationDraft.of(address.asText());
        }
        String city = text(address, "addressLocality");
        String region = text(address, "addressRegion");
        String country = name(address.get("addressCountry"));
        List<String> parts = new ArrayList<>();
        for (String s : new String[]{text(address, "streetAddress"), city, region, text(address, "postalCode"), country}) {
            if (s != null && !parts.contains(s)) {
                parts.add(s);
            }
        }
        String raw = parts.isEmpty() ? text(place, "name") : String.join(", ", parts);
        return raw == null ? null : new LocationDraft(raw, city, region, country, null);
    }

    private static String identifier(JsonNode id) {
        JsonNode n = firstNode(id);
        if (n == null) {
            return null;
        }
        if (n.isObject()) {
            String v = text(n, "value");
            return v != null ? v : text(n, "@id");
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String experience(JsonNode e) {
        JsonNode n = firstNode(e);
        if (n == null) {
            return null;
        }
        if (n.isObject()) {
            Double months = number(n, "monthsOfExperience");
            String d = text(n, "description");
            return months != null ? months.intValue() + " months" + (d == null ? "" : ": " + d) : d;
        }
        return n.asText();
    }

    /** A name of a string or an object with "name" (Organization, Country, ...). */
    private static String name(JsonNode n) {
        JsonNode v = firstNode(n);
        if (v == null) {
            return null;
        }
        if (v.isObject()) {
            return text(v, "name");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String first(JsonNode p, String field) {
        JsonNode v = firstNode(p.get(field));
        if (v == null || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static JsonNode firstNode(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : n.get(0);
        }
        return n;
    }

    private static List<JsonNode> values(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : values(n)) {
            if (v.isValueNode() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            } else if (v.isObject() && text(v, "name") != null) {
                out.add(text(v, "name"));
            }
        }
        return out;
    }
}
