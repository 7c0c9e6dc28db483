package io.jobpulse.benchmarks.e2e;

import io.jobpulse.benchmarks.e2e.LatencyProbe.Sample;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report as one PNG, drawn with Java2D (headless): on the left the pipeline's end-to-end rate next to the three
 * pass-through baselines (log scale, they differ by orders of magnitude); on the right, over the run's time, the bulk
 * postings queryable in ClickHouse and each probe's publication-to-API latency at the time it was published.
 */
final class EndToEndChart {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 580;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color PIPELINE = new Color(0xD9, 0x5F, 0x02);
    private static final Color BASELINE = new Color(0x75, 0x70, 0xB3);
    private static final Color QUERYABLE = new Color(0x1B, 0x9E, 0x77);
    private static final Color DURING = new Color(0xE7, 0x29, 0x8A);
    private static final Color AFTER = new Color(0x33, 0x33, 0x33);

    private EndToEndChart() {
    }

    static void write(EndToEndReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.drawString(f("jobpulse end to end: %,d postings, embedded stack, exactly-once (%s, load avg %s)",
                    report.expectedPostings(), report.startedAt().toString().substring(0, 10), report.loadAfterPipeline()), 24, 30);
            rates(g, report, 24, 60, 560, 470);
            timeline(g, report, 660, 60, 600, 470);
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void rates(Graphics2D g, EndToEndReport r, int x, int y, int w, int h) {
        PassThroughBaselines.Result b = r.baselines();
        String[] names = {"Kafka producer (records/s)", "streams pass-through (records/s)", "raw JDBC insert (rows/s)",
                "pipeline end to end (postings/s)"};
        double[] values = {b.producerRate(), b.passThroughRate(), b.rawJdbcRate(), r.endToEndRate()};
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Throughput, same run (log scale)", x, y + 14);
        double max = 1;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double top = Math.pow(10, Math.ceil(Math.log10(max)));
        double bottom = 1;
        int plotX = x + 10;
        int plotW = w - 20;
        int barTop = y + 40;
        int barH = 60;
        int gap = 45;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double tick = bottom; tick <= top; tick *= 10) {
            int tx = plotX + (int) (plotW * Math.log10(tick / bottom) / Math.log10(top / bottom));
            g.setColor(GRID);
            g.drawLine(tx, barTop, tx, barTop + 4 * (barH + gap));
            g.setColor(INK);
            g.drawString(f("%,.0f", tick), tx - 10, barTop + 4 * (barH + gap) + 14);
        }
        for (int i = 0; i < names.length; i++) {
            int by = barTop + i * (barH + gap);
            double v = Math.max(values[i], bottom);
            int bw = (int) (plotW * Math.log10(v / bottom) / Math.log10(top / bottom));
            g.setColor(i == names.length - 1 ? PIPELINE : BASELINE);
            g.fillRect(plotX, by + 18, Math.max(2, bw), barH - 18);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            String ratio = i == names.length - 1 ? "" : f("   (pipeline = %.3fx)", r.endToEndRate() / values[i]);
            g.drawString(f("%s: %,.0f%s", names[i], values[i], ratio), plotX, by + 13);
        }
    }

    private static void timeline(Graphics2D g, EndToEndReport r, int x, int y, int w, int h) {
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Postings queryable and publication-to-API latency over the run", x, y + 14);
        int plotX = x + 50;
        int plotY = y + 40;
        int plotW = w - 110;
        int plotH = h - 90;
        List<QueryableCounter.Point> points = r.queryableOverTime();
        List<Sample> probes = r.probes();
        double tMax = 1;
        for (QueryableCounter.Point p : points) {
            tMax = Math.max(tMax, p.seconds());
        }
        double latencyMax = 0.5;
        for (Sample s : probes) {
            tMax = Math.max(tMax, s.publishedAtSeconds() + (s.seen() ? s.latencyMillis() / 1000 : 0));
            if (s.seen()) {
                latencyMax = Math.max(latencyMax, s.latencyMillis() / 1000);
            }
        }
        tMax = niceCeiling(tMax);
        latencyMax = niceCeiling(latencyMax);
        double countMax = niceCeiling(Math.max(1, r.expectedPostings()));

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 5; i++) {
            int gy = plotY + plotH - plotH * i / 5;
            g.setColor(GRID);
            g.drawLine(plotX, gy, plotX + plotW, gy);
            g.setColor(DURING);
            g.drawString(f("%.1f s", latencyMax * i / 5), x, gy + 4);
            g.setColor(QUERYABLE);
            g.drawString(f("%,.0f", countMax * i / 5), plotX + plotW + 6, gy + 4);
            int gx = plotX + plotW * i / 5;
            g.setColor(INK);
            g.drawString(f("%.0f s", tMax * i / 5), gx - 10, plotY + plotH + 16);
        }
        g.drawString("seconds since the ingest run started", plotX + plotW / 2 - 90, plotY + plotH + 34);

        Path2D area = new Path2D.Double();
        area.moveTo(plotX, plotY + plotH);
        for (QueryableCounter.Point p : points) {
            area.lineTo(plotX + plotW * p.seconds() / tMax, plotY + plotH - plotH * p.postings() / countMax);
        }
        if (!points.isEmpty()) {
            area.lineTo(plotX + plotW * points.getLast().seconds() / tMax, plotY + plotH);
        }
        area.closePath();
        g.setColor(new Color(QUERYABLE.getRed(), QUERYABLE.getGreen(), QUERYABLE.getBlue(), 60));
        g.fill(area);
        g.setColor(QUERYABLE);
        g.setStroke(new BasicStroke(2f));
        g.draw(area);

        if (!Double.isNaN(r.bulkSeconds())) {
            int bx = plotX + (int) (plotW * r.bulkSeconds() / tMax);
            g.setColor(PIPELINE);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(bx, plotY, bx, plotY + plotH);
            g.drawString(f("all queryable: %.0f s", r.bulkSeconds()), bx + 4, plotY + 12);
        }
        g.setStroke(new BasicStroke(1f));
        for (Sample s : probes) {
            int px = plotX + (int) (plotW * s.publishedAtSeconds() / tMax);
            g.setColor(s.phase() == LatencyProbe.Phase.DURING_LOAD ? DURING : AFTER);
            if (s.seen()) {
                int py = plotY + plotH - (int) (plotH * (s.latencyMillis() / 1000) / latencyMax);
                g.fillOval(px - 4, py - 4, 8, 8);
            } else {
                g.drawString("x", px - 3, plotY + 10);
            }
        }
        int ly = plotY + plotH + 50;
        legend(g, plotX, ly, QUERYABLE, "bulk postings queryable in ClickHouse (right axis)");
        legend(g, plotX, ly + 16, DURING, "probe latency, published during the bulk load (left axis)");
        legend(g, plotX, ly + 32, AFTER, "probe latency, published after it, one at a time (left axis)");
    }

    private static void legend(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.fillRect(x, y - 9, 10, 10);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(text, x + 16, y);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
