package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    void closeAndReopenInOneJvmKeepsTheData(@TempDir Path dataDirectory) throws Exception {
        assertThat(runChild("reopen", dataDirectory)).contains("written=1000", "count=1000", "sum=500500", "exit=clean");
    }

    private static String runChild(String mode, Path dataDirectory) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ClickHouseRestartChild.class.getName(), mode,
                dataDirectory.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        assertThat(exited).as("child JVM (%s) exits after closing the engine", mode).isTrue();
        assertThat(child.exitValue()).as("exit code of the %s child; its output: %s", mode, output).isZero();
        return output;
    }
}
