package com.callaudit.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for a space that passes every request on to a real (demo) space,
 * and can make its media slow or broken: what a test needs to see streaming and the
 * player's fallback from one format to the other.
 */
final class SpaceProxy implements AutoCloseable {

    private final HttpServer server;
    private final URI target;
    private volatile long mediaBytesPerSecond;
    private volatile String brokenExtension;
    private final java.util.Set<String> openMediaPaths =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SpaceProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "space-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::forward);
        server.start();
    }

    static SpaceProxy to(URI target) throws IOException {
        return new SpaceProxy(target);
    }

    URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Media bodies trickle at this rate; 0 for full speed. */
    void throttleMedia(long bytesPerSecond) {
        this.mediaBytesPerSecond = bytesPerSecond;
    }

    /** Media with this extension (".mp3") comes back as an HTML page labelled audio. */
    void breakMedia(String extension) {
        this.brokenExtension = extension;
    }

    /** Media paths whose body is being sent right now. */
    java.util.Set<String> openMediaPaths() {
        return java.util.Set.copyOf(openMediaPaths);
    }

    private void forward(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean media = path.endsWith(".wav") || path.endsWith(".mp3");
        if (brokenExtension != null && path.endsWith(brokenExtension)) {
            answerWithHtml(exchange);
            return;
        }
        HttpURLConnection upstream = (HttpURLConnection) target.resolve(
                exchange.getRequestURI().toString()).toURL().openConnection();
        upstream.setRequestMethod(exchange.getRequestMethod());
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host")) {
                header.getValue().forEach(v -> upstream.addRequestProperty(header.getKey(), v));
            }
        }
        int status = upstream.getResponseCode();
        upstream.getHeaderFields().forEach((name, values) -> {
            if (name != null && !name.equalsIgnoreCase("Transfer-Encoding")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long length = upstream.getContentLengthLong();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || length == 0 ? -1 : Math.max(0, length));
        try (InputStream in = status >= 400 ? upstream.getErrorStream()
                : upstream.getInputStream(); OutputStream out = exchange.getResponseBody()) {
            if (in != null && !head) {
                if (media) {
                    openMediaPaths.add(path);
                }
                copy(in, out, media ? mediaBytesPerSecond : 0);
            }
        } catch (IOException clientWentAway) {
            // The player or relay hung up (a cancelled fetch): nothing more to send.
        } finally {
            openMediaPaths.remove(path);
            upstream.disconnect();
        }
    }

    private static void copy(InputStream in, OutputStream out, long bytesPerSecond)
            throws IOException {
        byte[] buffer = new byte[bytesPerSecond > 0 ? (int) Math.max(1024,
                bytesPerSecond / 20) : 64 * 1024];
        long started = System.nanoTime();
        long sent = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            out.flush();
            sent += read;
            if (bytesPerSecond > 0) {
                long due = started + sent * 1_000_000_000L / bytesPerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }
    }

    private static void answerWithHtml(HttpExchange exchange) throws IOException {
        byte[] page = "<html><body>Gateway error</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
