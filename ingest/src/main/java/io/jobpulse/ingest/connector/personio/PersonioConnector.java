package io.jobpulse.ingest.connector.personio;

import io.jobpulse.ingest.connector.BoardUrls;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.FetchContext;
import io.jobpulse.ingest.connector.FetchOutcome;
import io.jobpulse.ingest.connector.ItemSink;
import io.jobpulse.ingest.connector.JobBoardConnector;
import io.jobpulse.ingest.connector.SourceOptions;
import io.jobpulse.ingest.http.FetchedResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;

import static io.jobpulse.ingest.connector.ConnectorOption.Type.STRING;

/** Personio XML feed: {@code GET https://{company}.jobs.personio.de/xml?language=en}. */
public final class PersonioConnector implements JobBoardConnector {

    @Override
    public String name() {
        return "personio";
    }

    @Override
    public String description() {
        return "Personio XML job feed: published positions of one company, in one language";
    }

    @Override
    public String terms() {
        return "Public XML feed meant for job portals and the company's own site; link back to the position page "
                + "(<company>.jobs.personio.de/job/<id>, kept as url). One conditional request per company per run.";
    }

    @Override
    public List<ConnectorOption> options() {
        return List.of(
                ConnectorOption.required("company", STRING, "Careers subdomain, as in <company>.jobs.personio.de"),
                ConnectorOption.optional("language", STRING, "en", "Feed language (de, en, fr, es, nl, it, pt)"),
                ConnectorOption.optional("company-name", STRING, null, "Company name when positions give no subcompany"),
                ConnectorOption.optional("base-url", STRING, null, "Feed root (default: https://<company>.jobs.personio.de)"));
    }

    @Override
    public String defaultInstanceId(SourceOptions options) {
        return "personio:" + options.string("company");
    }

    @Override
    public FetchOutcome fetch(FetchContext ctx, ItemSink sink) throws Exception {
        SourceOptions o = ctx.options();
        String company = o.string("company");
        String base = o.has("base-url") ? o.string("base-url") : "https://" + BoardUrls.encode(company) + ".jobs.personio.de";
        URI uri = BoardUrls.of(base, "/xml?language=%s", o.string("language"));
        FetchedResponse response = ctx.get(uri, true, b -> b.header("Accept", "application/xml"));
        if (response.notModified()) {
            return new FetchOutcome.NotModified();
        }
        Document doc;
        try {
            doc = secureBuilder().parse(new ByteArrayInputStream(response.body()));
        } catch (SAXException e) {
            sink.rejected(null, "malformed XML from " + uri + ": " + e.getMessage(), response.text());
            return FetchOutcome.partial("malformed XML");
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("workzag-jobs")) {
            sink.rejected(null, "unexpected XML root <" + root.getTagName() + ">", response.text());
            return FetchOutcome.partial("unexpected XML root");
        }
        PersonioMapper mapper = new PersonioMapper(company, base, o.string("language"),
                o.has("company-name") ? o.string("company-name") : company);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element position && position.getTagName().equals("position")) {
                mapper.map(position, sink);
            }
        }
        return FetchOutcome.complete();
    }

    /** No DTDs, no external entities: a feed cannot make us read files or other URLs (XXE). */
    static DocumentBuilder secureBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}
