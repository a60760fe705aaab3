package com.callaudit.media;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers MediaPlayer's requests for relayed media: HEAD, GET and single byte ranges,
 * from the cache file, waiting (bounded) for bytes the fetch has not stored yet. Runs on
 * the relay server's threads, one exchange per call.
 */
final class RelayHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RelayHandler.class);
    private static final int SEND_BYTES = 64 * 1024;

    private final SessionCache cache;
    private final Duration readerWait;

    RelayHandler(SessionCache cache, Duration readerWait) {
        this.cache = cache;
        this.readerWait = readerWait;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (InterruptedException e) {
            // The relay is closing; the player loses its connection, which is the point.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Players drop connections all the time, for instance on every seek.
            LOG.debug("relay request ended early: {}", e.toString());
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        RelayedMedia media = cache.atLocalPath(exchange.getRequestURI().getRawPath());
        if (media == null) {
            sendText(exchange, 404, "Nothing is relayed here.");
            return;
        }
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendText(exchange, 405, "Only GET and HEAD are served.");
            return;
        }
        media.touch();
        long length;
        try {
            length = media.awaitServedLength(readerWait);
        } catch (FetchFailure failure) {
            sendText(exchange, failure.relayStatus(), failure.getMessage());
            return;
        }
        ByteRange range = ByteRange.parse(
                exchange.getRequestHeaders().getFirst("Range"), length);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", media.format().contentType());
        headers.set("Accept-Ranges", "bytes");
        headers.set("Cache-Control", "no-store");
        if (range == ByteRange.UNSATISFIABLE) {
            headers.set("Content-Range", "bytes */" + length);
            sendText(exchange, 416, "The range lies past the end of the recording.");
            return;
        }
        ByteRange served = range == null ? new ByteRange(0, length - 1) : range;
        int status = range == null ? 200 : 206;
        if (range != null) {
            headers.set("Content-Range", range.contentRange(length));
        }
        if (head) {
            // The JDK server leaves HEAD lengths to the handler.
            headers.set("Content-Length", Long.toString(served.length()));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        sendBody(exchange, media, status, served);
    }

    private void sendBody(HttpExchange exchange, RelayedMedia media, int status,
            ByteRange range) throws IOException, InterruptedException {
        FileChannel file;
        try {
            file = FileChannel.open(media.file(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            sendText(exchange, 404, "The recording left the cache; select it again.");
            return;
        }
        try (file) {
            exchange.sendResponseHeaders(status, range.length());
            OutputStream body = exchange.getResponseBody();
            copy(file, media, range, body);
            body.flush();
        }
    }

    private void copy(FileChannel file, RelayedMedia media, ByteRange range,
            OutputStream body) throws IOException, InterruptedException {
        ByteBuffer buffer = ByteBuffer.allocate(SEND_BYTES);
        long position = range.first();
        long end = range.last() + 1;
        while (position < end) {
            long stored;
            try {
                stored = media.awaitStored(position, readerWait);
            } catch (FetchFailure failure) {
                // Headers are out; breaking the connection is the only signal left.
                throw new IOException("relay stopped: " + failure.getMessage());
            }
            buffer.clear();
            buffer.limit((int) Math.min(SEND_BYTES, Math.min(stored, end) - position));
            int read = file.read(buffer, position);
            if (read <= 0) {
                throw new IOException("cache file shorter than recorded");
            }
            body.write(buffer.array(), 0, read);
            position += read;
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length",
                    Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
