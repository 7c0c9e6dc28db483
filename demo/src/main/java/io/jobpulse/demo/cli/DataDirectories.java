package io.jobpulse.demo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary data directories that {@code demo} and {@code bench} run the embedded stack in. */
public final class DataDirectories {

    private DataDirectories() {
    }

    /**
     * Removes {@code dir} and everything in it. Best effort: the run's result is already out, so a file that cannot be
     * removed is reported on standard error rather than failing the command.
     */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
