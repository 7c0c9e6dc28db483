package io.jobpulse.embedded.clickhouse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections behind HTTP {@code session_id}s: a session keeps its chDB connection, and with it the current
 * database, {@code SET}s and temporary tables, until it has been idle for its timeout (ClickHouse's semantics).
 */
final class HttpSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);

    /** One session's connection; {@code users} counts requests in flight, which keep it from expiring. */
    static final class Session {
        final String id;
        final ChdbConnection connection;
        volatile Duration timeout;
        volatile long lastUsedNanos = System.nanoTime();
        int users;

        Session(String id, ChdbConnection connection, Duration timeout) {
            this.id = id;
            this.connection = connection;
            this.timeout = timeout;
        }
    }

    private final ChdbEngine engine;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clickhouse-http-session-reaper");
        thread.setDaemon(true);
        return thread;
    });

    HttpSessions(ChdbEngine engine) {
        this.engine = engine;
        reaper.scheduleWithFixedDelay(this::expireIdle, 1, 1, TimeUnit.SECONDS);
    }

    /** The session, created on first use unless {@code mustExist} (ClickHouse's {@code session_check=1}). */
    Session acquire(String id, Duration timeout, boolean mustExist) {
        synchronized (sessions) {
            Session session = sessions.get(id);
            if (session == null) {
                if (mustExist) {
                    throw new HttpQueryRequest.Rejected(404, 372, "Session " + id + " not found");
                }
                session = new Session(id, engine.connect(), timeout);
                sessions.put(id, session);
            }
            session.users++;
            session.timeout = timeout;
            session.lastUsedNanos = System.nanoTime();
            return session;
        }
    }

    void release(Session session) {
        synchronized (sessions) {
            session.users--;
            session.lastUsedNanos = System.nanoTime();
        }
    }

    private void expireIdle() {
        long now = System.nanoTime();
        synchronized (sessions) {
            sessions.values().removeIf(session -> {
                boolean expired = session.users == 0 && now - session.lastUsedNanos > session.timeout.toNanos();
                if (expired) {
                    LOG.debug("HTTP session {} expired after {} idle", session.id, session.timeout);
                    session.connection.close();
                }
                return expired;
            });
        }
    }

    /** Ends every session, as a server restart would. */
    void closeAll() {
        synchronized (sessions) {
            sessions.values().forEach(session -> session.connection.close());
            sessions.clear();
        }
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        closeAll();
    }
}
