package io.jobpulse.benchmarks.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak memory of the bench's processes, read from Linux: the resident set's high-water mark ({@code VmHWM} in
 * {@code /proc/<pid>/status}) of this JVM and of every process it started (the schema registry runs as a child JVM),
 * plus this JVM's peak heap from its memory pools.
 */
final class ProcessMemory {

    /** One process's peaks; {@code heapPeakMiB} is -1 when not measurable from here (another JVM). */
    record Peak(String process, long pid, long residentPeakMiB, long heapPeakMiB, long heapMaxMiB) {
    }

    private ProcessMemory() {
    }

    /** This JVM (which hosts Kafka, chDB, streams, sink, API, ingest and the sample boards) and its descendants. */
    static List<Peak> peaks() {
        List<Peak> out = new ArrayList<>();
        ProcessHandle self = ProcessHandle.current();
        out.add(new Peak("bench JVM (Kafka broker, ClickHouse/chDB, ingest, streams, sink, API, sample boards)",
                self.pid(), residentPeakMiB(self.pid()), heapPeakMiB(), Runtime.getRuntime().maxMemory() >> 20));
        self.descendants().forEach(child -> {
            long rss = residentPeakMiB(child.pid());
            if (rss >= 0) {
                String commandLine = commandLine(child);
                boolean registry = !commandLine.contains("registry-watchdog");
                out.add(new Peak(describe(commandLine), child.pid(), rss, -1, registry ? maxHeapMiB(commandLine) : -1));
            }
        });
        return out;
    }

    /**
     * Sum of the heap pools' peak usage since the JVM started or the last reset. The pools peak at different moments,
     * so this is an upper bound of the heap in use at any one time.
     */
    static long heapPeakMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** VmHWM of a process in MiB, -1 when it is gone or unreadable. */
    static long residentPeakMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return process.info().command().orElse("?");
        }
    }

    private static String describe(String commandLine) {
        if (commandLine.contains("registry-watchdog")) { // its arguments hold the registry command too
            return "registry watchdog (bash, stops the registry with the bench)";
        }
        if (commandLine.contains("quarkus-run.jar")) {
            return "schema registry (Apicurio, child JVM)";
        }
        String command = commandLine.split(" ")[0];
        return "child process " + command.substring(command.lastIndexOf('/') + 1);
    }

    /** The -Xmx a child JVM was started with, in MiB; -1 when none is given. */
    private static long maxHeapMiB(String commandLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-Xmx(\\d+)([kKmMgG])").matcher(commandLine);
        if (!m.find()) {
            return -1;
        }
        long v = Long.parseLong(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> v >> 10;
            case 'g' -> v << 10;
            default -> v;
        };
    }
}
