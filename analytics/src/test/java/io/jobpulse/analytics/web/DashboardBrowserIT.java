package io.jobpulse.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobpulse.analytics.api.ApiServer;
import io.jobpulse.analytics.testing.ApiClient;
import io.jobpulse.analytics.testing.Pipeline;
import io.jobpulse.analytics.testing.StreamsSimulation;
import io.jobpulse.analytics.testing.TestPostings;
import io.jobpulse.contracts.avro.EnrichedPosting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The role dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): it loads
 * without console errors, every panel shows the numbers the API returns, the role and window pickers change them,
 * and titles are shown escaped. Leaves a screenshot in {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void everyPanelShowsTheApisNumbersAndThePickersChangeThem() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The dashboard test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestPostings generator = new TestPostings(99, today);
        StreamsSimulation streams = new StreamsSimulation();
        Path userData = Files.createTempDirectory("jobpulse-chromium-");
        try (Pipeline pipeline = new Pipeline("browser");
             ApiServer api = ApiServer.start(pipeline.clickHouse, 0, Clock.systemUTC(), () -> null);
             ApiClient client = new ApiClient(api.port())) {
            List<EnrichedPosting> postings = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                postings.add(generator.next("web", 120));
            }
            pipeline.sendPostings(postings);
            pipeline.sendAggregates(streams.apply(postings));
            pipeline.startSink();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    client.json("/api/roles/*/summary".replace("*", "backend") + "?window=365d").get("postings").asLong()
                            == streams.current().values().stream().filter(p -> p.getRoles().contains("backend")).count());

            WebDriver driver = chromium(userData);
            try {
                driver.get(client.base() + "/roles/backend?window=90d");
                awaitLoaded(driver, "backend|90d");
                assertPanelsMatchApi(driver, client, "backend", "90d");
                Path screenshots = Path.of("target", "dashboard-screenshots");
                Files.createDirectories(screenshots);
                Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, screenshots.resolve("role-backend-90d.png"), StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(screenshots.resolve("role-backend-90d.png"))).isGreaterThan(10_000);

                // Titles carry markup and ampersands: shown as text, never as elements.
                assertThat(driver.findElements(By.cssSelector("table[data-panel='latest'] b"))).isEmpty();
                assertThat(driver.findElement(By.cssSelector("table[data-panel='latest'] tbody")).getText()).contains("<b>").contains("& co");

                driver.findElement(By.cssSelector("#window-picker option[value='365d']")).click();
                awaitLoaded(driver, "backend|365d");
                assertPanelsMatchApi(driver, client, "backend", "365d");

                driver.findElement(By.cssSelector("#role-picker option[value='devops']")).click();
                awaitLoaded(driver, "devops|365d");
                assertThat(driver.getCurrentUrl()).endsWith("/roles/devops?window=365d");
                assertPanelsMatchApi(driver, client, "devops", "365d");
                Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(),
                        screenshots.resolve("role-devops-365d.png"), StandardCopyOption.REPLACE_EXISTING);

                List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
                assertThat(problems).as("browser console").isEmpty();
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver chromium(Path userData) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium's own connections are refused on a closed network.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2200", "--user-data-dir=" + userData);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void awaitLoaded(WebDriver driver, String marker) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                marker.equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    private static void assertPanelsMatchApi(WebDriver driver, ApiClient client, String role, String window) {
        JsonNode s = client.json("/api/roles/" + role + "/summary?window=" + window);
        assertThat(s.get("postings").asLong()).as("a dashboard with nothing to show proves little").isPositive();
        assertThat(text(driver, "#kpi-postings")).isEqualTo(s.get("postings").asText());
        assertThat(text(driver, "#kpi-remote")).isEqualTo(pct(s.get("locations").get("remoteShare").asDouble()));
        assertThat(rows(driver, "technologies")).isEqualTo(map(s.get("technologies"), n -> List.of(n.get("name").asText(), n.get("count").asText(), pct(n.get("share").asDouble()))));
        assertThat(rows(driver, "seniority")).isEqualTo(map(s.get("seniority"), n -> List.of(n.get("name").asText(), n.get("count").asText(), pct(n.get("share").asDouble()))));
        assertThat(rows(driver, "countries")).isEqualTo(map(s.get("locations").get("countries"), n -> List.of(n.get("name").asText(), n.get("count").asText(), pct(n.get("share").asDouble()))));
        assertThat(rows(driver, "cities")).isEqualTo(map(s.get("locations").get("cities"), n -> List.of(n.get("city").asText(), n.get("country").asText(), n.get("count").asText())));
        assertThat(rows(driver, "salary")).isEqualTo(map(s.get("salaryBySeniority"), n -> List.of(n.get("seniority").asText(), n.get("postings").asText(),
                usd(n.get("medianUsd").asDouble()), usd(n.get("p25Usd").asDouble()) + " – " + usd(n.get("p75Usd").asDouble()),
                usd(n.get("minUsd").asDouble()) + " – " + usd(n.get("maxUsd").asDouble()))));
        assertThat(rows(driver, "related-roles")).isEqualTo(map(s.get("relatedRoles"), n -> List.of(n.get("role").asText().replace('_', ' '), n.get("count").asText())));
        assertThat(rows(driver, "related-technologies")).isEqualTo(map(s.get("relatedTechnologies"), n -> List.of(n.get("first").asText() + " + " + n.get("second").asText(), n.get("count").asText())));
        assertThat(rows(driver, "latest")).isEqualTo(map(s.get("latestPostings"), n -> List.of(n.get("title").asText(), n.get("company").asText(), n.get("location").asText(), n.get("date").asText())));
        assertThat(rows(driver, "technologies")).isNotEmpty();
        assertThat(rows(driver, "salary")).isNotEmpty();

        List<String> top = new ArrayList<>();
        s.get("technologies").forEach(n -> {
            if (top.size() < 5) {
                top.add("technology=" + java.net.URLEncoder.encode(n.get("name").asText(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        JsonNode trend = client.json("/api/trends/technologies?role=" + role + "&window=" + window + "&" + String.join("&", top));
        List<List<String>> expected = new ArrayList<>();
        for (int w = 0; w < trend.get("weeks").size(); w++) {
            List<String> row = new ArrayList<>(List.of(trend.get("weeks").get(w).asText(), trend.get("postings").get(w).asText()));
            for (JsonNode series : trend.get("series")) {
                row.add(series.get("counts").get(w).asText());
            }
            expected.add(row);
        }
        assertThat(rows(driver, "trend")).isEqualTo(expected);
        // Every chart was drawn.
        for (String canvas : List.of("chart-technologies", "chart-seniority", "chart-countries", "chart-salary", "chart-trend")) {
            Object drawn = ((ChromeDriver) driver).executeScript("return !!Chart.getChart(arguments[0]);", canvas);
            assertThat(drawn).as(canvas).isEqualTo(true);
        }
    }

    private static String text(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Cell texts of a panel's table, read from the DOM (textContent, so rows scrolled out of view count too). */
    private static List<List<String>> rows(WebDriver driver, String panel) {
        List<List<String>> out = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("table[data-panel='" + panel + "'] tbody tr"))) {
            List<String> cells = new ArrayList<>();
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                cells.add(td.getDomProperty("textContent").strip());
            }
            out.add(cells);
        }
        return out;
    }

    private static List<List<String>> map(JsonNode array, java.util.function.Function<JsonNode, List<String>> f) {
        List<List<String>> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return out;
    }

    /** As the page's {@code (x * 100).toFixed(1) + '%'}: the double's exact value rounded half up. */
    private static String pct(double share) {
        return new BigDecimal(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** As the page's {@code '$' + Math.round(x).toLocaleString('en-US')}. */
    private static String usd(double value) {
        return "$" + String.format(java.util.Locale.US, "%,d", Math.round(value));
    }
}
