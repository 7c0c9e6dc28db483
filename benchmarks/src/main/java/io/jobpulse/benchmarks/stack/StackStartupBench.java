package io.jobpulse.benchmarks.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up and stop time of {@code ./jobpulse stack} as an operator sees it: from launching the JVM to the three
 * endpoint lines on stdout, then from SIGTERM to exit. Cold starts use a fresh data directory (Kafka formats its
 * storage, the registry creates its database); warm starts reuse one.
 *
 * <p>Run (after {@code ./jobpulse build}):
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp 'benchmarks/target/classes' io.jobpulse.benchmarks.stack.StackStartupBench [runs]
 * </pre>
 */
public final class StackStartupBench {

    private StackStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path cli = Path.of("cli", "target").toAbsolutePath();
        if (!Files.exists(cli.resolve("jobpulse-cli.jar"))) {
            throw new IllegalStateException("Build the launcher first: ./jobpulse build (run from the repository root)");
        }
        List<long[]> cold = new ArrayList<>();
        List<long[]> warm = new ArrayList<>();
        Path warmDir = Files.createTempDirectory("jobpulse-bench-warm-");
        measure(cli, warmDir); // first start of the warm directory is a cold one; not counted
        for (int i = 0; i < runs; i++) {
            Path coldDir = Files.createTempDirectory("jobpulse-bench-cold-");
            cold.add(measure(cli, coldDir));
            delete(coldDir);
            warm.add(measure(cli, warmDir));
        }
        delete(warmDir);
        System.out.printf("%-6s %-12s %-12s%n", "start", "ready (s)", "stop (s)");
        report("cold", cold);
        report("warm", warm);
    }

    /** Returns {ms to the three endpoint lines, ms from SIGTERM to exit}. */
    private static long[] measure(Path cli, Path dataDir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", cli.resolve("jobpulse-cli.jar") + ":" + cli.resolve("lib") + "/*", "io.jobpulse.cli.Jobpulse",
                "stack", "--data-dir", dataDir.toString(), "--kafka-port", "0", "--kafka-controller-port", "0",
                "--registry-port", "0", "--registry-management-port", "0", "--clickhouse-port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int endpoints = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (endpoints < 3 && (line = out.readLine()) != null) {
                if (line.startsWith("Kafka: ") || line.startsWith("Schema registry: ") || line.startsWith("ClickHouse: ")) {
                    endpoints++;
                }
            }
            long ready = (System.nanoTime() - t0) / 1_000_000;
            if (endpoints < 3) {
                throw new IllegalStateException("stack exited before printing its endpoints");
            }
            long t1 = System.nanoTime();
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("stack did not stop within 60 s of SIGTERM");
            }
            return new long[] {ready, (System.nanoTime() - t1) / 1_000_000};
        }
    }

    private static void report(String label, List<long[]> samples) {
        long[] ready = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        long[] stop = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        System.out.printf("%-6s median %5.1f (min %5.1f, max %5.1f)   median %4.1f%n", label,
                ready[ready.length / 2] / 1000.0, ready[0] / 1000.0, ready[ready.length - 1] / 1000.0, stop[stop.length / 2] / 1000.0);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
