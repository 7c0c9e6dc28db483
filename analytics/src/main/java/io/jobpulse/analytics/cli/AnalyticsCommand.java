package io.jobpulse.analytics.cli;

import io.jobpulse.analytics.schema.SchemaMigrator;
import io.jobpulse.analytics.sink.ClickHouseSink;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./jobpulse analytics migrate|sink}: the ClickHouse schema and the Kafka-to-ClickHouse sink. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "ClickHouse schema migrations and the Kafka-to-ClickHouse sink.",
        subcommands = {AnalyticsCommand.Migrate.class, AnalyticsCommand.Sink.class})
public final class AnalyticsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create jobpulse's ClickHouse database and tables, applying missing migrations (idempotent).")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        EndpointOptions endpoints;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = spec.commandLine().getOut();
            for (SchemaMigrator.Applied a : new SchemaMigrator(endpoints.clickHouse()).migrate()) {
                out.printf("%s %s%n", a.appliedNow() ? "applied" : "already applied", a.name());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true,
            description = "Consume enriched postings and aggregates from Kafka and write them to ClickHouse until stopped (Ctrl-C).")
    static final class Sink implements Callable<Integer> {
        @Mixin
        EndpointOptions endpoints;

        @Override
        public Integer call() {
            ClickHouseSink sink = new ClickHouseSink(endpoints.sink());
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sink.close();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sink-shutdown"));
            sink.run();
            return 0;
        }
    }
}
