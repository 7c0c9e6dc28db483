package io.jobpulse.cli;

import io.jobpulse.analytics.cli.AnalyticsCommand;
import io.jobpulse.analytics.cli.ServeCommand;
import io.jobpulse.benchmarks.e2e.BenchCommand;
import io.jobpulse.demo.cli.DemoCommand;
import io.jobpulse.enrichment.cli.EnrichCommand;
import io.jobpulse.ingest.cli.IngestCommand;
import io.jobpulse.streams.cli.StreamsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./jobpulse}: the one entry point for operators. Each stage contributes its subcommand; this class only
 * assembles them. Exit codes: 0 success, 1 the work ran but something was rejected or failed, 2 bad usage or config.
 */
@Command(name = "jobpulse",
        mixinStandardHelpOptions = true,
        versionProvider = Jobpulse.Version.class,
        description = "Job-market analytics: job boards -> Kafka -> Kafka Streams enrichment -> ClickHouse -> dashboards.",
        subcommands = {
                DemoCommand.class,
                BenchCommand.class,
                StackCommand.class,
                IngestCommand.class,
                EnrichCommand.class,
                StreamsCommand.class,
                AnalyticsCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Jobpulse implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Jobpulse());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Operators get the reason, not a stack trace; the log has the detail.
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(Jobpulse.class).debug("command failed", e);
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Jobpulse.class.getPackage().getImplementationVersion();
            return new String[] {"jobpulse " + (v == null ? "development build" : v), "Java " + Runtime.version()};
        }
    }
}
