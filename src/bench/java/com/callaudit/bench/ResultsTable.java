package com.callaudit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The rows of one benchmark run, printed as a Markdown table with the machine they were
 * measured on, and written to a file.
 */
final class ResultsTable {

    private final List<ResultRow> rows = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private final String loadAtStart = loadAverage();
    private final ZonedDateTime started = ZonedDateTime.now();

    synchronized void add(ResultRow row) {
        rows.add(row);
        System.out.println("[bench] " + row.figure() + ": " + row.callAudit().describe()
                + " vs floor " + row.floor().describe() + " -> " + row.met());
    }

    /** A sentence printed under the table, such as what a figure could not cover. */
    synchronized void remark(String text) {
        remarks.add(text);
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("| figure | CallAudit | floor | ratio | target | met? |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (ResultRow row : rows) {
            double ratio = row.ratio();
            out.append("| ").append(row.figure())
                    .append(" | ").append(row.callAudit().describe())
                    .append(" | ").append(row.floor().describe())
                    .append(" | ").append(Double.isNaN(ratio) ? "–"
                            : String.format(Locale.ROOT, "%.2f×", ratio))
                    .append(" | ").append(row.target().describe())
                    .append(" | ").append(row.met()).append(" |\n");
        }
        out.append("\nMedian (lowest–highest, number of runs). Rows marked *worst* are "
                + "judged on their highest sample.\n\n");
        for (ResultRow row : rows) {
            out.append("- **").append(row.figure()).append("**")
                    .append(row.judgeWorst() ? " (*worst*)" : "")
                    .append(": ").append(row.note()).append('\n');
        }
        if (!remarks.isEmpty()) {
            out.append('\n');
            remarks.forEach(remark -> out.append("- ").append(remark).append('\n'));
        }
        out.append("\n").append(machine());
        return out.toString();
    }

    void write(Path file) throws IOException {
        String text = "# CallAudit benchmark results\n\nRun of "
                + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + " with `bash bench/run.sh`.\n\n" + render();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String machine() {
        return "### Machine\n\n"
                + "- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores (`nproc`: " + command("nproc").strip() + ")\n"
                + "- Memory (`free -h`):\n\n```\n" + command("free", "-h").stripTrailing()
                + "\n```\n"
                + "- OS: " + osName() + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + "; JavaFX "
                + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "- Sound: " + System.getProperty("callaudit.bench.audio", "?") + "\n"
                + "- Load average at start " + loadAtStart + ", at end " + loadAverage()
                + " (other builds share the machine, so figures are noisy)\n";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream()
                    .filter(line -> line.startsWith("PRETTY_NAME="))
                    .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
                    .findFirst().orElse(System.getProperty("os.name"));
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String command(String... words) {
        try {
            Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "(" + words[0] + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
