package io.jobpulse.ingest.connector.personio;

import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.connector.PostingDraft.LocationDraft;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one {@code <position>}: the job description sections (each a name and an HTML value) become one HTML
 * description with a heading per section; {@code schedule} (full-time/part-time) gives the employment type, with
 * Personio's own {@code employmentType} (permanent, intern, trainee, freelance, temporary) refining it.
 */
final class PersonioMapper {

    private final String companySlug;
    private final String base;
    private final String language;
    private final String companyName;

    PersonioMapper(String companySlug, String base, String language, String companyName) {
        this.companySlug = companySlug;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.language = language;
        this.companyName = companyName;
    }

    void map(Element position, ItemSink sink) {
        String id = child(position, "id");
        if (id == null) {
            sink.rejected(null, "position without id", xml(position));
            return;
        }
        PostingDraft.Builder b = PostingDraft.builder(companySlug + ":" + id).board(companySlug)
                .rawPayload(() -> xml(position));
        b.title(child(position, "name"));
        String sub = child(position, "subcompany");
        b.company(sub != null ? sub : companyName);
        StringBuilder html = new StringBuilder();
        Element descriptions = element(position, "jobDescriptions");
        if (descriptions != null) {
            for (Element d : elements(descriptions, "jobDescription")) {
                String name = child(d, "name");
                String value = child(d, "value");
                if (name != null) {
                    html.append("<h3>").append(Entities.escape(name)).append("</h3>");
                }
                if (value != null) {
                    html.append(value);
                }
            }
        }
        b.descriptionHtml(html.isEmpty() ? null : html.toString());
        b.url(base + "/job/" + id + "?language=" + language);
        b.language(language);
        b.postedAt(child(position, "createdAt"));
        String office = child(position, "office");
        List<String> offices = new ArrayList<>();
        if (office != null) {
            offices.add(office);
        }
        Element additional = element(position, "additionalOffices");
        if (additional != null) {
            for (Element o : elements(additional, "office")) {
                if (o.getTextContent() != null && !o.getTextContent().isBlank()) {
                    offices.add(o.getTextContent().strip());
                }
            }
        }
        offices.forEach(o -> b.location(LocationDraft.of(o)));
        b.locationRaw(offices.isEmpty() ? null : String.join("; ", offices));
        b.department(child(position, "department"));
        String type = child(position, "employmentType");
        String schedule = child(position, "schedule");
        b.employmentType(type != null && !type.equals("permanent") ? type : schedule != null ? schedule : type);
        b.attribute("personio_employment_type", type);
        b.attribute("schedule", schedule);
        b.attribute("seniority", child(position, "seniority"));
        b.attribute("years_of_experience", child(position, "yearsOfExperience"));
        b.attribute("recruiting_category", child(position, "recruitingCategory"));
        b.attribute("occupation", child(position, "occupation"));
        b.attribute("occupation_category", child(position, "occupationCategory"));
        String keywords = child(position, "keywords");
        if (keywords != null) {
            for (String k : keywords.split(",")) {
                b.tag(k);
            }
        }
        sink.parsed(b.build());
    }

    private static Element element(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> elements(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String child(Element parent, String tag) {
        Element e = element(parent, tag);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static String xml(Element e) {
        try {
            var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            transformer.transform(new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException ex) {
            return e.getTextContent();
        }
    }
}
