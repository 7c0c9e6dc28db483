package io.jobpulse.ingest.cli;

import io.jobpulse.ingest.config.Durations;
import io.jobpulse.ingest.connector.ConnectorOption;
import io.jobpulse.ingest.connector.ConnectorRegistry;
import io.jobpulse.ingest.connector.JobBoardConnector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ingest sources}: every connector, its options with defaults, and the source's terms. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List the available connectors, their options and each source's terms.")
public final class SourcesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "CONNECTOR", description = "Show only this connector.")
    String only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectorRegistry registry = ConnectorRegistry.builtIn();
        boolean any = false;
        for (JobBoardConnector c : registry.all()) {
            if (only != null && !only.equals(c.name())) {
                continue;
            }
            any = true;
            out.printf("%s — %s%n", c.name(), c.description());
            for (ConnectorOption o : c.options()) {
                String req = o.required() ? "required" : "default " + (o.defaultValue() == null ? "none" : render(o.defaultValue()));
                out.printf("    %-22s %-12s %-16s %s%n", o.name(), o.type().name().toLowerCase(Locale.ROOT), req, o.description());
            }
            out.printf("    %-22s %-12s %-16s %s%n", "id", "string", "default " + "<" + c.name() + ":...>", "Source instance id (checkpoint key)");
            out.printf("    %-22s %-12s %-16s %s%n", "enabled", "boolean", "default true", "false keeps the entry but skips it");
            out.printf("    %-22s %-12s %-16s %s%n", "min-interval", "duration", "default " + Durations.format(c.defaultMinInterval()), "Least time between two fetches");
            out.printf("    %-22s %-12s %-16s %s%n", "requests-per-second", "number", "default " + c.defaultRequestsPerSecond(), "Per-host request rate");
            out.printf("    terms: %s%n%n", c.terms());
        }
        if (!any) {
            spec.commandLine().getErr().println("No connector named " + only);
            return IngestCommand.EXIT_CONFIG;
        }
        out.flush();
        return IngestCommand.EXIT_OK;
    }

    private static String render(Object v) {
        return v instanceof Duration d ? Durations.format(d) : String.valueOf(v);
    }
}
