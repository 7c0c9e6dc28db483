package io.jobpulse.benchmarks.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.enrichment.PostingText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark corpus: the postings of a JSON Lines file (default: the dev evaluation set kept in the enrichment
 * module's test resources), repeated until at least {@code minChars} characters so one operation is big enough to time.
 */
final class Corpus {

    static final String DEFAULT = "enrichment/src/test/resources/eval/dev-postings.jsonl";

    final List<PostingText> postings;
    final long descriptionBytes;

    private Corpus(List<PostingText> postings) {
        this.postings = List.copyOf(postings);
        long bytes = 0;
        for (PostingText p : postings) {
            bytes += p.description().getBytes(StandardCharsets.UTF_8).length;
        }
        this.descriptionBytes = bytes;
    }

    static Corpus load(String path, int minChars) {
        ObjectMapper mapper = new ObjectMapper();
        List<PostingText> once = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(path))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String title = n.hasNonNull("title") ? n.get("title").asText() : null;
                String location = n.hasNonNull("location") ? n.get("location").asText() : null;
                once.add(new PostingText(title, n.path("description").asText(""), location, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (once.isEmpty()) {
            throw new IllegalStateException("no postings in " + path);
        }
        List<PostingText> all = new ArrayList<>();
        long chars = 0;
        while (chars < minChars) {
            for (PostingText p : once) {
                all.add(p);
                chars += p.description().length();
            }
        }
        return new Corpus(all);
    }
}
