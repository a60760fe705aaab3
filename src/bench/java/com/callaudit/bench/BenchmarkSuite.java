package com.callaudit.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the benchmark issue, one after another in one JVM, then the table:
 * printed and written to {@code bench/results.md}. Run it with {@code bash bench/run.sh}
 * (or {@code ./mvnw -Pbenchmarks verify}); {@code -Dbench.figures=1,3} picks figures.
 *
 * <p>It measures and reports; it asserts nothing, so a missed target shows in the table
 * rather than as a failed build. A figure that cannot run gets a row saying why.
 */
@Tag("benchmark")
class BenchmarkSuite {

    @Test
    void measuresEveryFigureBesideItsFloor() throws Exception {
        ResultsTable table = new ResultsTable();
        Set<String> chosen = chosenFigures();
        for (Map.Entry<String, Callable<List<ResultRow>>> figure : figures().entrySet()) {
            if (chosen.isEmpty() || chosen.contains(figure.getKey())) {
                run(table, figure.getKey(), figure.getValue());
            }
        }
        Playback.remarks().forEach(table::remark);

        String text = table.render();
        System.out.println("\n" + text);
        table.write(Path.of(System.getProperty("callaudit.bench.results",
                "bench/results.md")));
    }

    // The figures in the issue's order. A figure that needs the player UI swaps its
    // Playback (see Playback.choose) rather than adding a new entry here.
    private static Map<String, Callable<List<ResultRow>>> figures() {
        Map<String, Callable<List<ResultRow>>> figures = new LinkedHashMap<>();
        figures.put("1", () -> new LaunchToSignIn().measure());
        figures.put("2", () -> new SignInToFirstRows().measure());
        figures.put("3", () -> new ListingThroughput().measure());
        figures.put("4", () -> new HeapPerRecording().measure());
        figures.put("5", () -> new SelectionToFirstAudio(Playback.choose()).measure());
        figures.put("6", () -> new SeekLatency(Playback.choose()).measure());
        figures.put("7", () -> new FxThreadStalls(Playback.choose()).measure());
        return figures;
    }

    private static void run(ResultsTable table, String number,
            Callable<List<ResultRow>> figure) {
        System.out.println("[bench] figure " + number + " …");
        // What the figures before left on the heap is collected now, not in this one.
        System.gc();
        long started = System.nanoTime();
        try {
            figure.call().forEach(table::add);
        } catch (Exception | AssertionError e) {
            table.add(ResultRow.failed("figure " + number, Target.atMost(0, ""),
                    e.toString()));
            e.printStackTrace(System.out);
        }
        System.out.printf("[bench] figure %s took %.0f s%n", number,
                (System.nanoTime() - started) / 1e9);
    }

    private static Set<String> chosenFigures() {
        String wanted = System.getProperty("callaudit.bench.figures", "all").strip();
        if (wanted.isEmpty() || wanted.equals("all") || wanted.startsWith("${")) {
            return Set.of();
        }
        return Arrays.stream(wanted.split(",")).map(String::strip)
                .collect(Collectors.toSet());
    }
}
