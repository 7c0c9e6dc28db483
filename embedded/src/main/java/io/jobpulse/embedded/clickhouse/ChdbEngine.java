package io.jobpulse.embedded.clickhouse;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse in this JVM: chDB's engine over one data directory, reached through {@link ChdbConnection}s.
 *
 * <p>chDB runs one engine per process on one data directory, so this is a per-JVM singleton: opening a second
 * directory while one is open fails. The engine keeps an anchor connection for its whole life, because closing
 * chDB's last connection shuts the engine down and a reconnect would boot it again (slow, and it leaks threads).
 * chDB's signal handlers are switched off before the first connect: left on, they catch the JVM's own signals (an
 * implicit NullPointerException in compiled code is a SIGSEGV) and hang the process in chDB's crash handler.
 */
public final class ChdbEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChdbEngine.class);
    private static final Object LOCK = new Object();
    private static ChdbNative loaded;
    private static ChdbEngine open;

    private final ChdbNative chdb;
    private final Path dataDirectory;
    private final String version;
    private final Set<ChdbConnection> connections = ConcurrentHashMap.newKeySet();
    private final ChdbConnection anchor;
    private volatile boolean closed;

    private ChdbEngine(ChdbNative chdb, Path dataDirectory) {
        this.chdb = chdb;
        this.dataDirectory = dataDirectory;
        this.anchor = connectNative();
        try (QueryResult result = anchor.query("SELECT version()", "TabSeparated")) {
            this.version = new String(result.toByteArray()).strip();
        }
    }

    /**
     * Opens the engine on {@code dataDirectory} (created if missing), loading (and if needed fetching) libchdb first.
     *
     * @throws IllegalStateException if an engine is already open in this JVM
     */
    public static ChdbEngine open(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        synchronized (LOCK) {
            if (open != null) {
                throw new IllegalStateException(open.dataDirectory.equals(directory)
                        ? "A chDB engine is already open on " + directory + " in this JVM; share that instance"
                        : "chDB runs one engine per process: this JVM already has one open on " + open.dataDirectory
                                + ", so it cannot open another on " + directory + ". Close it first, or share it.");
            }
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the ClickHouse data directory " + directory, e);
            }
            if (loaded == null) {
                long started = System.nanoTime();
                ChdbNative chdb = ChdbNative.load(ChdbLibrary.locate());
                ChdbNative.invoke(() -> {
                    chdb.setSignalHandlersEnabled.invokeExact(0);
                    return null;
                });
                loaded = chdb;
                LOG.debug("libchdb loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
            long started = System.nanoTime();
            open = new ChdbEngine(loaded, directory);
            LOG.info("ClickHouse {} (chDB) open on {} in {} ms", open.version, directory,
                    (System.nanoTime() - started) / 1_000_000);
            return open;
        }
    }

    /** A new connection with its own session state (current database, settings). Close it when done. */
    public ChdbConnection connect() {
        // Under the engine lock, so no connection slips in after close(): chDB would boot a new engine for it.
        synchronized (LOCK) {
            if (closed) {
                throw new IllegalStateException("The chDB engine on " + dataDirectory + " is closed");
            }
            return connectNative();
        }
    }

    private ChdbConnection connectNative() {
        List<String> arguments = List.of("clickhouse", "--path=" + dataDirectory);
        MemorySegment pointer;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ADDRESS, arguments.size());
            for (int i = 0; i < arguments.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(arguments.get(i)));
            }
            pointer = ChdbNative.invoke(() -> (MemorySegment) chdb.connect.invokeExact(arguments.size(), argv));
        }
        if (pointer.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("chDB could not open " + dataDirectory
                    + " (another process may be using it; chDB wrote the reason to stderr)");
        }
        ChdbConnection connection = new ChdbConnection(this, chdb, pointer);
        connections.add(connection);
        return connection;
    }

    void forget(ChdbConnection connection) {
        connections.remove(connection);
    }

    public String version() {
        return version;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The engine currently open in this JVM, if any. */
    public static ChdbEngine current() {
        synchronized (LOCK) {
            return open;
        }
    }

    /** Closes every connection, the anchor last, which shuts chDB's engine down and flushes its data. */
    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            for (ChdbConnection connection : List.copyOf(connections)) {
                if (connection != anchor) {
                    connection.close();
                }
            }
            anchor.close();
            if (open == this) {
                open = null;
            }
            LOG.info("ClickHouse (chDB) on {} closed", dataDirectory);
        }
    }
}
