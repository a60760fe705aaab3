package com.callaudit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An Xvfb server this benchmark starts for itself on a free display number (Xvfb picks
 * it and reports it through {@code -displayfd}), and stops by its own process id.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process server;
    private final String display;

    private VirtualDisplay(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    static VirtualDisplay start() throws Exception {
        Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp",
                "-screen", "0", "1600x1000x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(
                server.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = number.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroy();
            throw new IllegalStateException("Xvfb did not report a display in 15 s", e);
        }
        if (line == null || line.isBlank()) {
            server.destroy();
            throw new IllegalStateException("Xvfb exited without a display");
        }
        return new VirtualDisplay(server, ":" + line.strip());
    }

    /** The value for {@code DISPLAY}, such as {@code :93}. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
