package io.jobpulse.ingest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./jobpulse ingest}: fetch job boards and publish postings to Kafka.
 * <ul>
 *   <li>{@code ingest run --config sources.yaml --once} (or {@code --every 1h}) — see {@link RunCommand};</li>
 *   <li>{@code ingest sources} — the connectors and their options.</li>
 * </ul>
 * Exit codes: 0 success, 1 a source or Kafka failed, 2 a broken config file.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Fetch job boards, normalize postings and publish new, changed and closed ones to Kafka.",
        subcommands = {RunCommand.class, SourcesCommand.class, CommandLine.HelpCommand.class})
public final class IngestCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CONFIG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Standalone entry point (the launcher registers {@link IngestCommand} under {@code ./jobpulse}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }
}
