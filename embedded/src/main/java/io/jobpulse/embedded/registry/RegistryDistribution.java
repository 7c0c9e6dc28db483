package io.jobpulse.embedded.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry's prebuilt distribution ({@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}), unpacked
 * once per machine into {@code ${XDG_CACHE_HOME:-~/.cache}/jobpulse/apicurio-registry/<version>}.
 *
 * <p>The archive comes from the local Maven repository, where the build put it (the embedded module depends on it).
 * When it is missing, e.g. a jar built on another machine, it is fetched with the ordinary {@code mvn} client.
 */
public final class RegistryDistribution {

    private static final Logger log = LoggerFactory.getLogger(RegistryDistribution.class);
    private static final String COORDINATES = "io.apicurio:apicurio-registry-app:%s:tar.gz:all";

    private RegistryDistribution() {
    }

    /** The directory holding {@code quarkus-run.jar}, unpacking the archive first if needed. */
    public static Path ensureUnpacked() {
        Properties build = buildProperties();
        String version = build.getProperty("apicurio.version");
        Path home = cacheRoot().resolve("apicurio-registry").resolve(version);
        Path runJar = home.resolve("quarkus-run.jar");
        if (Files.isRegularFile(runJar)) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            // Parallel test JVMs may all want it at once: one unpacks, the others wait and reuse.
            try (FileChannel lockFile = FileChannel.open(home.getParent().resolve(version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(runJar)) {
                    return home;
                }
                Path archive = locateArchive(build.getProperty("apicurio.distribution"), version);
                Path staging = Files.createTempDirectory(home.getParent(), version + ".unpacking");
                log.info("Unpacking Apicurio Registry {} into {}", version, home);
                run(List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()), Path.of("."));
                if (!Files.isRegularFile(staging.resolve("quarkus-run.jar"))) {
                    throw new IllegalStateException(archive + " holds no quarkus-run.jar at its top level");
                }
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                return home;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Apicurio Registry in " + home, e);
        }
    }

    private static Path locateArchive(String builtPath, String version) throws IOException {
        if (builtPath != null && !builtPath.contains("${") && Files.isRegularFile(Path.of(builtPath))) {
            return Path.of(builtPath);
        }
        String fileName = "apicurio-registry-app-" + version + "-all.tar.gz";
        Path inLocalRepo = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "apicurio",
                "apicurio-registry-app", version, fileName);
        if (!Files.isRegularFile(inLocalRepo)) {
            String coordinates = COORDINATES.formatted(version);
            log.info("Fetching {} with mvn (about 150 MB, once per machine)", coordinates);
            run(List.of("mvn", "-q", "dependency:get", "-Dartifact=" + coordinates, "-Dtransitive=false"), Path.of("."));
        }
        if (!Files.isRegularFile(inLocalRepo)) {
            throw new IllegalStateException("Apicurio Registry distribution not found at " + inLocalRepo
                    + "; fetch it with: mvn dependency:get -Dartifact=" + COORDINATES.formatted(version) + " -Dtransitive=false");
        }
        return inLocalRepo;
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = RegistryDistribution.class.getResourceAsStream("/jobpulse-embedded.properties")) {
            if (in == null) {
                throw new IllegalStateException("jobpulse-embedded.properties missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Per-machine cache for large downloaded artifacts, outside any repository checkout. */
    public static Path cacheRoot() {
        String override = System.getenv("JOBPULSE_CACHE_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jobpulse");
    }
}
