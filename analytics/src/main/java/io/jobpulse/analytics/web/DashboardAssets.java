package io.jobpulse.analytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's static files, shipped in the jar: the role page, its script and style, and Chart.js (MIT licence,
 * see {@code chart.js-LICENSE.md}; served from here, never from a CDN). Only the files listed are served.
 */
public final class DashboardAssets {

    /** A file and its content type. */
    public record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "dashboard.js", load("dashboard.js", "text/javascript; charset=utf-8"),
            "dashboard.css", load("dashboard.css", "text/css; charset=utf-8"),
            "chart.umd.min.js", load("chart.umd.min.js", "text/javascript; charset=utf-8"),
            "chart.js-LICENSE.md", load("chart.js-LICENSE.md", "text/plain; charset=utf-8"));
    private static final byte[] PAGE = load("role.html", "text/html").bytes();
    private static final byte[] OPENAPI = load("openapi.json", "application/json").bytes();

    private DashboardAssets() {
    }

    public static byte[] page() {
        return PAGE;
    }

    public static byte[] openApi() {
        return OPENAPI;
    }

    /** The named asset, or null when there is no such file. */
    public static Asset asset(String name) {
        return ASSETS.get(name);
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing dashboard resource " + name);
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
