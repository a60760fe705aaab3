package com.callaudit.bench;

import com.callaudit.app.FirstFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Figure 1: from starting {@code java -cp … Launcher} to the first frame of the sign-in
 * dialog, against a bare JavaFX window started the same way, both on an Xvfb display.
 * Runs alternate between the two so that noise from other work hits both alike; one
 * run of each is thrown away first to warm the file cache.
 */
final class LaunchToSignIn {

    private static final String APP = "com.callaudit.launcher.Launcher";
    private static final String BARE = BareWindow.Launcher.class.getName();
    private static final int RUNS = 9;

    List<ResultRow> measure() throws Exception {
        Samples app = new Samples("ms");
        Samples bare = new Samples("ms");
        try (VirtualDisplay display = VirtualDisplay.start()) {
            timeToFirstFrame(APP, display);
            timeToFirstFrame(BARE, display);
            for (int run = 0; run < RUNS; run++) {
                app.add(timeToFirstFrame(APP, display));
                bare.add(timeToFirstFrame(BARE, display));
            }
        }
        return List.of(ResultRow.median("1 launch → sign-in painted", app, bare,
                Target.timesFloor(1.2),
                "whole process: `java -cp <class path> " + APP + "` on Xvfb (GTK, default "
                        + "pipeline) until the line the first-frame hook prints; floor "
                        + "is `" + BARE + "`, same JVM, flags and class path; alternated"));
    }

    /** Milliseconds from starting the process to reading its first-frame line. */
    private static double timeToFirstFrame(String mainClass, VirtualDisplay display)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-cp",
                System.getProperty("java.class.path"),
                "-D" + FirstFrame.MARK + "=true",
                "-Dcallaudit.prefs.node=callaudit-bench",
                mainClass);
        builder.environment().put("DISPLAY", display.display());
        builder.environment().remove("XAUTHORITY");
        builder.redirectErrorStream(true);

        long started = System.nanoTime();
        Process process = builder.start();
        try {
            CompletableFuture<Long> painted = waitForMark(process);
            long at = painted.get(60, TimeUnit.SECONDS);
            return (at - started) / 1e6;
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<Long> waitForMark(Process process) {
        BufferedReader output = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Long> painted = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith(FirstFrame.MARK)) {
                        painted.complete(System.nanoTime());
                    }
                }
                painted.completeExceptionally(new IllegalStateException(
                        "the process ended without painting"));
            } catch (IOException e) {
                painted.completeExceptionally(e);
            }
        }, "first-frame-reader");
        reader.setDaemon(true);
        reader.start();
        return painted;
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
