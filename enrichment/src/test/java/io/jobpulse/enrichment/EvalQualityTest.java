package io.jobpulse.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.enrichment.cli.EnrichCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the enrich command over the copy of the dev evaluation set in test resources and scores it with the Java
 * port of score.py ({@link EvalScorer}). Fails when a field drops below the target from the enrichment issue.
 */
class EvalQualityTest {

    private static EvalScorer.Scores scores;

    @BeforeAll
    static void runEvaluation() throws IOException {
        byte[] postings = resource("eval/dev-postings.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new EnrichCommand(Enrichers.SHARED)
                .withStreams(new ByteArrayInputStream(postings), out, new PrintStream(new ByteArrayOutputStream()))
                .call();
        assertThat(exit).isZero();
        List<String> predicted = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        List<String> gold = Arrays.asList(new String(resource("eval/dev-gold.jsonl"), StandardCharsets.UTF_8).split("\n"));
        scores = EvalScorer.score(EvalScorer.load(gold), EvalScorer.load(predicted));
        System.out.println("EvalQualityTest on the dev set:\n" + scores.report());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EvalQualityTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void everyPostingIsPredicted() {
        assertThat(scores.missing()).isZero();
        assertThat(scores.postings()).isEqualTo(129);
    }

    @Test
    void technologiesF1() {
        assertThat(scores.f1("technologies")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void seniorityF1() {
        assertThat(scores.f1("seniority")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void rolesF1() {
        assertThat(scores.f1("roles")).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void workModeF1() {
        assertThat(scores.f1("work_mode")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void countriesF1() {
        assertThat(scores.f1("countries")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void citiesF1() {
        assertThat(scores.f1("cities")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void salaryExactWithFewSpurious() {
        assertThat(scores.salaryExactRate()).isGreaterThanOrEqualTo(0.80);
        assertThat(scores.salarySpuriousRate()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void scorerFollowsScorePy() {
        // The quirks of score.py kept on purpose: aliases, "other" ignored, 2% salary tolerance, missing keys empty.
        assertThat(EvalScorer.normTech("Golang")).isEqualTo("go");
        assertThat(EvalScorer.normTech("Node JS")).isEqualTo("node.js");
        assertThat(EvalScorer.normTech("Tailwind CSS")).isEqualTo("tailwindcss");
        ObjectMapper m = new ObjectMapper();
        JsonNode g = m.createObjectNode().put("min", 100000).put("max", 120000).put("currency", "USD");
        assertThat(EvalScorer.salaryOk(g, m.createObjectNode().put("min", 101000).put("max", 121000).put("currency", "usd"))).isTrue();
        assertThat(EvalScorer.salaryOk(g, m.createObjectNode().put("min", 90000).put("max", 120000).put("currency", "USD"))).isFalse();
        Map<String, JsonNode> gold = EvalScorer.load(List.of(
                "{\"id\":\"a\",\"is_job_post\":true,\"roles\":[\"other\",\"backend\"],\"technologies\":[\"Go\"]}",
                "{\"id\":\"b\",\"is_job_post\":false,\"roles\":[\"frontend\"]}"));
        Map<String, JsonNode> pred = EvalScorer.load(List.of("{\"id\":\"a\",\"roles\":[\"backend\"],\"technologies\":[\"golang\"]}"));
        EvalScorer.Scores s = EvalScorer.score(gold, pred);
        assertThat(s.postings()).isEqualTo(1);
        assertThat(s.fields().get("roles")).isEqualTo(new EvalScorer.Prf(1, 0, 0));
        assertThat(s.fields().get("technologies")).isEqualTo(new EvalScorer.Prf(1, 0, 0));
    }
}
