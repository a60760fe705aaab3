package com.callaudit.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for talking to the relay the way a player would. */
final class RelayClient {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WAIT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private RelayClient() {
    }

    static HttpResponse<byte[]> get(URI uri) {
        return send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> getRange(URI uri, String range) {
        return send(request(uri).header("Range", range).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<InputStream> getStream(URI uri) {
        return send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    static HttpResponse<byte[]> head(URI uri) {
        return send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(WAIT);
    }

    private static <T> HttpResponse<T> send(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
