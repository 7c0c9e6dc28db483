package io.jobpulse.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobpulse.embedded.testing.TestClickHouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jobpulse analytics migrate} against the embedded ClickHouse, and the options the lead wires up. */
class AnalyticsCommandIT {

    @Test
    void migrateAppliesTheSchemaOnceAndSaysSo() {
        String database = "cli_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        String[] args = {"migrate", "--clickhouse-url", TestClickHouse.jdbcUrl(), "--database", database};
        assertThat(run(new CommandLine(new AnalyticsCommand()), args)).contains("applied V001__postings.sql")
                .doesNotContain("already applied");
        assertThat(run(new CommandLine(new AnalyticsCommand()), args)).contains("already applied V001__postings.sql")
                .contains("already applied V002__aggregates.sql");
        assertThat(TestClickHouse.execute("EXISTS TABLE " + database + ".postings").strip()).isEqualTo("1");
    }

    @Test
    void serveAndSinkTakeTheDocumentedOptions() {
        CommandLine serve = new CommandLine(new ServeCommand());
        CommandLine.ParseResult parsed = serve.parseArgs("--with-sink", "--port", "8080", "--clickhouse-url",
                "jdbc:clickhouse:http://clickhouse:8123/jobpulse", "--cache-ttl", "PT30S");
        assertThat(parsed.matchedOptionValue("--port", 0)).isEqualTo(8080);
        assertThat(parsed.hasMatchedOption("--with-sink")).isTrue();
        CommandLine analytics = new CommandLine(new AnalyticsCommand());
        assertThat(analytics.getSubcommands()).containsKeys("migrate", "sink");
        assertThat(analytics.getSubcommands().get("sink").getCommandSpec().findOption("--batch-rows")).isNotNull();
    }

    private static String run(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));
        int exit = command.execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }
}
