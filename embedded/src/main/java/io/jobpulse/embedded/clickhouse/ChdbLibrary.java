package io.jobpulse.embedded.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds chDB's native library ({@code libchdb.so}, ClickHouse as a shared object) in a per-machine cache outside the
 * repository, fetching it once with the npm client when it is missing.
 *
 * <p>Where it looks, first match wins:
 * <ol>
 *   <li>{@code $JOBPULSE_CHDB_LIB}: an explicit file, used as is (never fetched).</li>
 *   <li>{@code ${XDG_CACHE_HOME:-$HOME/.cache}/jobpulse/chdb/<version>/libchdb.so}.</li>
 * </ol>
 * The version and the npm package name come from the build-filtered {@code jobpulse-embedded.properties}; the tarball's
 * SHA-512 is pinned here per version, so a changed or tampered package is refused rather than loaded into the JVM.
 * Parallel JVMs (forked test runs) serialize the fetch with a file lock next to the cached file.
 */
public final class ChdbLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(ChdbLibrary.class);

    static final String LIBRARY_FILE = "libchdb.so";
    static final String ENV_EXPLICIT_LIBRARY = "JOBPULSE_CHDB_LIB";
    private static final String PROPERTIES_RESOURCE = "/jobpulse-embedded.properties";

    /** npm's integrity strings of the packages we have vetted, by version; a version missing here is refused. */
    private static final Map<String, String> PINNED_INTEGRITY = Map.of(
            "26.7.3-stable.1",
            "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw==");

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(20);
    private static final Pattern PACK_FILENAME = Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]+)\"");

    /** What to fetch: the npm package and version, and the integrity its tarball must have. */
    public record Distribution(String npmPackage, String version, String integrity) {

        /** The distribution this build was made for, read from the filtered module resource. */
        public static Distribution pinned() {
            Properties properties = new Properties();
            try (InputStream in = ChdbLibrary.class.getResourceAsStream(PROPERTIES_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(PROPERTIES_RESOURCE + " is missing from the classpath");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String npmPackage = properties.getProperty("chdb.npm.package", "@chdb/lib-linux-x64-gnu");
            String version = properties.getProperty("chdb.npm.version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("chdb.npm.version is not set in " + PROPERTIES_RESOURCE
                        + " (was the module built by Maven with resource filtering?)");
            }
            String integrity = PINNED_INTEGRITY.get(version);
            if (integrity == null) {
                throw new IllegalStateException("No pinned integrity for chDB " + version
                        + "; add its npm 'integrity' to ChdbLibrary.PINNED_INTEGRITY after vetting it");
            }
            return new Distribution(npmPackage, version, integrity);
        }

        String packageSpec() {
            return npmPackage + "@" + version;
        }
    }

    private ChdbLibrary() {
    }

    /** The library file for this build's pinned distribution, fetched into the cache if needed. */
    public static Path locate() {
        String explicit = System.getenv(ENV_EXPLICIT_LIBRARY);
        if (explicit != null && !explicit.isBlank()) {
            Path file = Path.of(explicit);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(ENV_EXPLICIT_LIBRARY + "=" + explicit + " is not a file");
            }
            return file;
        }
        Distribution distribution = Distribution.pinned();
        return locate(distribution, defaultCacheRoot().resolve(distribution.version()));
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/jobpulse/chdb}. */
    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cacheHome = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cacheHome.resolve("jobpulse").resolve("chdb");
    }

    static Path locate(Distribution distribution, Path versionDirectory) {
        Path library = versionDirectory.resolve(LIBRARY_FILE);
        if (Files.isRegularFile(library)) {
            return library;
        }
        try {
            Files.createDirectories(versionDirectory);
            try (FileChannel lockFile = FileChannel.open(versionDirectory.resolve(".fetch.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    // Another JVM may have finished the fetch while we waited for the lock.
                    if (!Files.isRegularFile(library)) {
                        fetch(distribution, versionDirectory, library);
                    }
                    return library;
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch chDB " + distribution.version() + " into " + versionDirectory, e);
        }
    }

    private static void fetch(Distribution distribution, Path versionDirectory, Path library) throws IOException {
        Path work = Files.createTempDirectory(versionDirectory, "fetch-");
        try {
            long started = System.nanoTime();
            LOG.info("chDB {} is not in the cache; fetching {} with npm (about 170 MB download, 566 MB unpacked) into {}",
                    distribution.version(), distribution.packageSpec(), versionDirectory);
            Path tarball = npmPack(distribution, work);
            LOG.info("Downloaded {} ({} MB) in {} s; verifying its SHA-512", tarball.getFileName(),
                    Files.size(tarball) >> 20, seconds(started));
            verifyIntegrity(tarball, distribution.integrity());
            LOG.info("Integrity verified; extracting {}", LIBRARY_FILE);
            Path extracted = extractLibrary(tarball, work);
            try {
                Files.move(extracted, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(extracted, library, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("chDB {} ready at {} after {} s", distribution.version(), library, seconds(started));
        } finally {
            deleteRecursively(work);
        }
    }

    private static Path npmPack(Distribution distribution, Path work) throws IOException {
        List<String> command = List.of("npm", "pack", distribution.packageSpec(), "--json");
        Path stdout = work.resolve("npm-pack.json");
        Path stderr = work.resolve("npm-pack.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Fetching chDB needs the npm client, which was not found on the PATH ("
                    + e.getMessage() + "). Install Node.js/npm: apt-get install nodejs npm. Or point "
                    + ENV_EXPLICIT_LIBRARY + " at an existing " + LIBRARY_FILE + ".", e);
        }
        try {
            long deadline = System.nanoTime() + NPM_TIMEOUT.toNanos();
            while (!process.waitFor(15, TimeUnit.SECONDS)) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("npm pack " + distribution.packageSpec() + " did not finish within " + NPM_TIMEOUT);
                }
                LOG.info("Still fetching {} with npm ...", distribution.packageSpec());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching chDB", e);
        }
        String output = Files.readString(stdout);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm pack " + distribution.packageSpec() + " failed with exit code "
                    + process.exitValue() + ": " + tail(Files.readString(stderr)) + tail(output));
        }
        Matcher matcher = PACK_FILENAME.matcher(output);
        Path tarball = matcher.find() ? work.resolve(matcher.group(1)) : null;
        if (tarball == null || !Files.isRegularFile(tarball)) {
            throw new IllegalStateException("npm pack reported no tarball for " + distribution.packageSpec() + ": " + tail(output));
        }
        return tarball;
    }

    static void verifyIntegrity(Path tarball, String expectedIntegrity) throws IOException {
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
        if (!actual.equals(expectedIntegrity)) {
            throw new IllegalStateException("chDB package " + tarball.getFileName() + " failed its integrity check: expected "
                    + expectedIntegrity + " but the downloaded tarball has " + actual + "; refusing to load it");
        }
    }

    private static byte[] sha512(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the library leaves the tarball: the Node.js addon beside it is of no use to a JVM. */
    private static Path extractLibrary(Path tarball, Path work) throws IOException {
        Path target = work.resolve("unpacked");
        Files.createDirectories(target);
        String member = "package/" + LIBRARY_FILE;
        Process process = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", target.toString(), member)
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("tar could not extract " + member + " from " + tarball + ": " + tail(output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting chDB", e);
        }
        Path extracted = target.resolve(member);
        if (!Files.isRegularFile(extracted)) {
            throw new IllegalStateException(tarball + " holds no " + member);
        }
        return extracted;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary directory {}", root, e);
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
    }

    private static long seconds(long startedNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }
}
