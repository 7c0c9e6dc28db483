package io.jobpulse.embedded.testing;

import io.jobpulse.embedded.EmbeddedStack;
import io.jobpulse.embedded.StackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded stack per test JVM, started on first use and stopped when the JVM exits, so a module's integration
 * tests pay the start-up once. Ports are free ones, so test JVMs of several modules can run side by side. Tests share
 * the broker: each uses its own topic names, group ids and source ids.
 *
 * <pre>{@code
 * EmbeddedStack stack = SharedStack.get();
 * producerProps.put("bootstrap.servers", stack.kafkaBootstrapServers());
 * }</pre>
 */
public final class SharedStack {

    private static EmbeddedStack stack;

    private SharedStack() {
    }

    public static synchronized EmbeddedStack get() {
        if (stack == null) {
            try {
                Path dataDir = Files.createTempDirectory("jobpulse-it-stack-");
                stack = EmbeddedStack.start(StackSettings.ephemeral(dataDir), EmbeddedStack.Progress.NONE, TestClickHouse.get());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    deleteRecursively(dataDir);
                }, "shared-stack-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
