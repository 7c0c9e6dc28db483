package io.jobpulse.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobpulse.contracts.FramedAvroSerializer;
import io.jobpulse.contracts.avro.JobPosting;
import io.jobpulse.ingest.connector.PostingDraft;
import io.jobpulse.ingest.normalize.Normalization;
import io.jobpulse.ingest.normalize.PostingNormalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class Utf8BufferDatumWriterTest {

    /** What the registry serde writes: magic byte, a schema id, then Avro's own binary encoding. */
    private static final Serializer<JobPosting> PLAIN_AVRO = (topic, posting) -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0, 7});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<JobPosting>(JobPosting.getClassSchema()).write(posting, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    };

    private static JobPosting posting(String id, String descriptionHtml) {
        PostingDraft d = PostingDraft.builder(id).board("acme").title("Señor Engineer – 東京").descriptionHtml(descriptionHtml)
                .url("https://example.org/" + id).attribute("team", "Data – Platform").tag("Kafka").build();
        return ((Normalization.Accepted) new PostingNormalizer("file").normalize(d, Instant.parse("2026-02-01T00:00:00Z"))).posting();
    }

    @Test
    void directEncodingIsByteForByteTheSerdesOutput() {
        FramedAvroSerializer<JobPosting> serializer = Utf8BufferDatumWriter.serializer(PLAIN_AVRO, JobPosting.getClassSchema());
        List<JobPosting> postings = List.of(posting("1", "<p>short</p>"),
                posting("2", "<p>" + "Zürich € 😀 unpaired \uD83D end ".repeat(2000) + "</p>"),
                posting("3", "<p>plain ascii again</p>"), posting("4", "<ul><li>東京</li><li>Berlin – €</li></ul>"));
        for (JobPosting p : postings) {
            assertThat(serializer.serialize("postings", p)).as(p.getId()).isEqualTo(PLAIN_AVRO.serialize("postings", p));
        }
        assertThat(serializer.encodesDirectly("postings")).as("later records are encoded here, not by the delegate").isTrue();
    }
}
