package io.jobpulse.demo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's refusals, which happen before anything starts. */
class DemoCommandTest {

    private String stderr;

    private int run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            return new CommandLine(new DemoCommand()).execute(args);
        } finally {
            System.setErr(original);
            stderr = err.toString();
        }
    }

    @Test
    void aDataDirHoldingAnotherMarketIsNotOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DemoCommand.STATE_FILE), "seed=1\npostings=300\ndays=2\nlast-day=2026-11-28\ncomplete=true\n");
        assertThat(run("--data-dir", dir.toString(), "--postings", "5000")).isEqualTo(2);
        assertThat(stderr).contains("holds a demo of seed/postings/days 1/300/2").contains("use another --data-dir");
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void impossibleSizesAndCadencesAreRefused() {
        assertThat(run("--days", "0")).isEqualTo(2);
        assertThat(stderr).contains("--days must be between 1 and 365");
        assertThat(run("--postings", "0")).isEqualTo(2);
        assertThat(stderr).contains("--postings must be between 1 and 2,000,000");
        assertThat(run("--every", "soon")).isEqualTo(2);
        assertThat(stderr).contains("--every");
        assertThat(run("--config", "/nonexistent/sources.yaml")).isEqualTo(2);
        assertThat(stderr).contains("cannot read /nonexistent/sources.yaml");
    }
}
