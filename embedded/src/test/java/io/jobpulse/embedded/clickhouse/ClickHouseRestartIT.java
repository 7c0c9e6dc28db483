package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import io.jobpulse.embedded.testing.TestClickHouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data written through JDBC survives the engine's restart on the same data directory. Each engine runs in a child
 * JVM, since chDB allows one engine per process and this test JVM's belongs to the shared fixture.
 */
class ClickHouseRestartIT {

    @Test
    void dataSurvivesAProcessRestartOnTheSameDataDirectory(@TempDir Path dataDirectory) throws Exception {
        assertThat(runChild("write", dataDirectory)).contains("written=1000", "exit=clean");
        assertThat(runChild("read", dataDirectory)).contains("count=1000", "sum=500500", "names=true", "exit=clean");
    }

    @Test
    void inOneJvmAFailedStartAndACloseBothReleaseTheEngineForTheNextStart(@TempDir Path dataDirectory) throws Exception {
        assertThat(runChild("reopen", dataDirectory))
                .contains("refused=Cannot listen on 127.0.0.1:")
                .doesNotContain("started=unexpectedly")
                .contains("written=1000", "count=1000", "sum=500500", "exit=clean");
    }

    @Test
    void aSecondProcessOnADataDirectoryInUseIsRefusedClearly() throws Exception {
        Path inUse = TestClickHouse.get().dataDirectory();
        ChildRun refused = startChild("read", inUse);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("chDB could not open " + inUse);
        // The shared engine is unharmed.
        assertThat(TestClickHouse.execute("SELECT 1")).isEqualTo("1\n");
    }

    private record ChildRun(int exitCode, String stdout, String stderr) {
    }

    private static String runChild(String mode, Path dataDirectory) throws IOException, InterruptedException {
        ChildRun run = startChild(mode, dataDirectory);
        assertThat(run.exitCode()).as("exit code of the %s child; its output: %s%n%s", mode, run.stdout(), run.stderr()).isZero();
        return run.stdout();
    }

    private static ChildRun startChild(String mode, Path dataDirectory) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = Files.createTempFile("clickhouse-child-", ".err");
        try {
            // C1 only and the serial collector: a child lives seconds, so compile threads would only compete for CPU.
            Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), ClickHouseRestartChild.class.getName(), mode,
                    dataDirectory.toString()))
                    .redirectError(stderr.toFile())
                    .start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean exited = child.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            assertThat(exited).as("child JVM (%s) exits after closing the engine", mode).isTrue();
            return new ChildRun(child.exitValue(), output, Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
