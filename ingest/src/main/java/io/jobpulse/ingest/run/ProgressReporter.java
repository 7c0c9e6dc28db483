package io.jobpulse.ingest.run;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress display on a terminal: for each source being fetched, a bar when the page count is known
 * (else a counter) and the items so far. Redrawn every 200 ms; silent when disabled (not a terminal, --no-progress).
 */
public final class ProgressReporter implements AutoCloseable {

    private static final int WIDTH = 12;

    private final class SourceProgress {
        final AtomicInteger items = new AtomicInteger();
        volatile int pages;
        volatile int totalPages = -1;
    }

    private final PrintStream out;
    private final boolean enabled;
    private final Map<String, SourceProgress> active = new ConcurrentHashMap<>();
    private final Thread painter;
    private volatile boolean closed;
    private int lastLength;

    public ProgressReporter(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
        this.painter = enabled ? Thread.ofPlatform().daemon().name("ingest-progress").start(this::paintLoop) : null;
    }

    public void started(String source) {
        active.put(source, new SourceProgress());
    }

    public void item(String source) {
        SourceProgress p = active.get(source);
        if (p != null) {
            p.items.incrementAndGet();
        }
    }

    public void page(String source, int pages, int total) {
        SourceProgress p = active.get(source);
        if (p != null) {
            p.pages = pages;
            p.totalPages = total;
        }
    }

    public void finished(String source) {
        active.remove(source);
    }

    /** The current line, e.g. {@code greenhouse:acme [#####.......] 2/5 pages 120 items}. */
    String line() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, SourceProgress> e : active.entrySet()) {
            SourceProgress p = e.getValue();
            if (!sb.isEmpty()) {
                sb.append("  |  ");
            }
            sb.append(e.getKey()).append(' ');
            if (p.totalPages > 0) {
                int filled = Math.min(WIDTH, p.pages * WIDTH / p.totalPages);
                sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                        .append(p.pages).append('/').append(p.totalPages).append(" pages ");
            } else if (p.pages > 0) {
                sb.append(p.pages).append(p.pages == 1 ? " page " : " pages ");
            }
            sb.append(p.items.get()).append(" items");
        }
        return sb.toString();
    }

    private void paintLoop() {
        while (!closed) {
            paint();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void paint() {
        String line = line();
        if (line.length() > 150) {
            line = line.substring(0, 149) + "…";
        }
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (painter != null) {
            painter.interrupt();
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }
}
