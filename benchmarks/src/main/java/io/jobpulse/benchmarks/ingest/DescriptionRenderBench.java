package io.jobpulse.benchmarks.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobpulse.ingest.normalize.HtmlText;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU per description of {@link HtmlText#render} (safe HTML and plain text) on the file-import bench's descriptions,
 * as they are (with '€' and '–', so Java holds them as UTF-16 strings) and with those two replaced by ASCII (Latin-1
 * strings), interleaved rounds, this thread's CPU time. Prints a checksum of the rendered lengths, so two builds
 * can be compared for equal output too.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.jobpulse.benchmarks.ingest.DescriptionRenderBench [descriptions] [rounds]
 * </pre>
 */
public final class DescriptionRenderBench {

    private DescriptionRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path file = Files.createTempFile("jobpulse-render-bench-", ".jsonl");
        List<String> utf16 = new ArrayList<>(n);
        List<String> latin1 = new ArrayList<>(n);
        try {
            FileImportBench.writePostings(file, n, 42);
            ObjectMapper mapper = new ObjectMapper();
            try (var lines = Files.lines(file)) {
                lines.forEach(l -> {
                    try {
                        String html = mapper.readTree(l).get("description_html").asText();
                        utf16.add(html);
                        latin1.add(html.replace("€", "EUR ").replace('–', '-'));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        } finally {
            Files.deleteIfExists(file);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> asIs = new ArrayList<>();
        List<Double> ascii = new ArrayList<>();
        long checksum = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (String html : utf16) {
                HtmlText.Rendered out = HtmlText.render(html);
                checksum += out.safeHtml().hashCode() + 31L * out.text().hashCode();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (String html : latin1) {
                HtmlText.Rendered out = HtmlText.render(html);
                checksum += out.safeHtml().hashCode() + 31L * out.text().hashCode();
            }
            long t2 = threads.getCurrentThreadCpuTime();
            if (r >= rounds / 3) { // the first third is warm-up
                asIs.add((t1 - t0) / 1e3 / n);
                ascii.add((t2 - t1) / 1e3 / n);
            }
        }
        System.out.printf(Locale.ROOT, "HtmlText.render, CPU per description (median of %d rounds of %,d): "
                + "as generated (UTF-16) %.2f us, Latin-1 variant %.2f us; checksum %d%n", asIs.size(), n,
                median(asIs), median(ascii), checksum);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
