package com.callaudit.media;

import com.callaudit.api.SpaceAddress;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A stand-in for a SignalWire space on 127.0.0.1 that serves recordings it is given. */
final class FakeSpace implements AutoCloseable {

    static final String RECORDINGS = "/api/laml/2010-04-01/Accounts/PJ1/Recordings/";

    /** One request as the space saw it. */
    record Seen(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private FakeSpace() throws IOException {
        server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-space");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static FakeSpace start() throws IOException {
        return new FakeSpace();
    }

    SpaceAddress address() {
        return SpaceAddress.loopback(server.getAddress().getPort());
    }

    /** The media URL of {@code fileName}, e.g. {@code RE1.wav}. */
    URI recording(String fileName) {
        return address().resolve(RECORDINGS + fileName);
    }

    /** Serves {@code body} at the recording as a server labelling nothing would. */
    FakeSpace serve(String fileName, byte[] body) {
        return serve(fileName, body, "application/octet-stream");
    }

    FakeSpace serve(String fileName, byte[] body, String contentType) {
        return route(fileName, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    FakeSpace route(String fileName, HttpHandler handler) {
        routes.put(RECORDINGS + fileName, handler);
        return this;
    }

    /** Routes any path, for redirect chains. */
    FakeSpace routePath(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    long getsOf(String fileName) {
        return seen.stream()
                .filter(s -> s.method().equals("GET"))
                .filter(s -> s.path().equals(RECORDINGS + fileName))
                .count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            HttpHandler handler = routes.get(path);
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            handler.handle(exchange);
        }
    }
}
