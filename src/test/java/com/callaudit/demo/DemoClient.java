package com.callaudit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/** Talks to a demo space over loopback with the JDK's client, as a test's eyes. */
final class DemoClient {

    static final String API = "/api/laml/2010-04-01";
    static final String ACCOUNT = API + "/Accounts/" + DemoSpace.PROJECT_ID;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DemoSpace space;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    DemoClient(DemoSpace space) {
        this.space = space;
    }

    static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder()
                .encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String validAuth() {
        return basic(DemoSpace.PROJECT_ID, DemoSpace.TOKEN);
    }

    /** GET with the demo token. */
    HttpResponse<byte[]> get(String pathAndQuery) {
        return send("GET", pathAndQuery, validAuth());
    }

    HttpResponse<byte[]> getWithoutAuth(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    /** Any request; {@code headers} are name/value pairs, {@code auth} may be null. */
    HttpResponse<byte[]> send(String method, String pathAndQuery, String auth,
            String... headers) {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create(space.origin() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            request.header("Authorization", auth);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fetches {@code ACCOUNT + rest} with auth and parses it, failing on non-200. */
    JsonNode getJson(String pathAndQuery) {
        HttpResponse<byte[]> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json(response);
    }

    /** Every recording of a list, following next_page_uri until it is null. */
    List<JsonNode> allRecordings(String firstPage) {
        List<JsonNode> all = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            JsonNode page = getJson(next);
            page.path("recordings").forEach(all::add);
            next = page.path("next_page_uri").isNull() ? null
                    : page.path("next_page_uri").asText();
        }
        return all;
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}
