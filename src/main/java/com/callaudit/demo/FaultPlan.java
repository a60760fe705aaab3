package com.callaudit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The faults a {@link DemoSpace} injects into its answers, so tests can prove how a
 * client copes with flaky networks, meddling proxies and odd data. Reach it through
 * {@link DemoSpace#faults()}; every method returns the plan, so faults chain:
 *
 * <pre>{@code
 * demo.faults().status(503, Body.HTML, Route.LIST, 2).delay(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Faults take effect from the next request and stay until {@link #clear()}, except
 * status faults given a count, which answer that many matching requests and then stop.
 * A status fault answers before authentication is checked, as a proxy in front of the
 * space would. JSON faults touch only successful JSON answers; media faults only the
 * WAV and MP3 routes. With nothing set the space behaves exactly as without a plan.
 *
 * <p>Thread-safe: tests change the plan while the server's threads read it.
 */
public final class FaultPlan {

    /** What the body of an injected error status holds. */
    public enum Body {
        /** SignalWire's JSON error body, with a code that fits the status. */
        JSON,
        /** An HTML error page, as proxies and load balancers send. */
        HTML,
        /** No body at all. */
        EMPTY
    }

    /** Which requests a fault applies to. */
    public enum Route {
        /** Every request. */
        ANY,
        /** Recording and transcription lists. */
        LIST,
        /** One recording's or transcription's JSON ({@code .json}). */
        RECORDING,
        /** A recording's audio: no extension, {@code .wav} or {@code .mp3}. */
        MEDIA;

        private static final String ACCOUNT = "^(?:/api/laml)?/2010-04-01/Accounts/[^/]+";
        private static final Pattern LIST_PATH = Pattern.compile(ACCOUNT
                + "(?:/[^/]+/[^/]+)*/(?:Recordings|Transcriptions)(?:\\.json)?$");
        private static final Pattern MEDIA_PATH = Pattern.compile(ACCOUNT
                + "/Recordings/[^/.]+(?:\\.wav|\\.mp3)?$");

        /** The route of a request path; null for paths outside the API. */
        static Route of(String path) {
            if (LIST_PATH.matcher(path).matches()) {
                return LIST;
            }
            if (MEDIA_PATH.matcher(path).matches()) {
                return MEDIA;
            }
            return path.endsWith(".json") ? RECORDING : null;
        }

        boolean covers(Route actual) {
            return this == ANY || this == actual;
        }
    }

    /** How a list page's {@code next_page_uri} goes wrong. */
    public enum NextLink {
        /** Points at the page just served, so a naive client loops for ever. */
        REPEAT,
        /** The right path on another host ({@code localhost} instead of 127.0.0.1). */
        OTHER_HOST,
        /** The right path without its {@code /api/laml/2010-04-01} prefix. */
        NO_PREFIX
    }

    /** How the WAV route encodes its audio. */
    enum WavEncoding { AS_STORED, MU_LAW, EXTENSIBLE }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API_ROOT = Pattern.compile("^(?:/api/laml)?/2010-04-01");
    private static final String HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>%1$d"
            + "</title></head>\n<body><h1>%1$d</h1><p>The upstream server is not "
            + "answering.</p><hr><address>demo-proxy</address></body></html>\n";
    private static final byte[] NOT_AUDIO = ("<!DOCTYPE html>\n<html><head><title>Sign in"
            + "</title></head><body><form action=\"/login\">Please sign in to continue."
            + "</form></body></html>\n").getBytes(StandardCharsets.UTF_8);

    /** One injected status, answered {@code remaining} more times. */
    private static final class StatusFault {
        final int status;
        final Body body;
        final String retryAfter;
        final Route route;
        int remaining;

        StatusFault(int status, Body body, String retryAfter, Route route, int times) {
            this.status = status;
            this.body = body;
            this.retryAfter = retryAfter;
            this.route = route;
            this.remaining = times;
        }
    }

    /** An error answer to send instead of the real one. */
    record InjectedStatus(int status, String contentType, byte[] body,
            String retryAfter) {
    }

    // Guarded by this.
    private final Map<Route, Duration> delays = new EnumMap<>(Route.class);
    private final Map<Route, Integer> cuts = new EnumMap<>(Route.class);
    private final List<StatusFault> statuses = new ArrayList<>();
    private final Set<Integer> corruptRecords = new TreeSet<>();
    private boolean truncateJson;
    private boolean invalidJson;
    private boolean driftTypes;
    private boolean unknownKeys;
    private boolean emptyPages;
    private NextLink nextLink;
    private URI mediaRedirect;
    private boolean ignoreRange;
    private boolean mediaNotAudio;
    private WavEncoding wavEncoding = WavEncoding.AS_STORED;

    FaultPlan() {
    }

    /** Waits this long before answering any request. */
    public FaultPlan delay(Duration wait) {
        return delay(wait, Route.ANY);
    }

    /** Waits this long before answering requests of {@code route}. */
    public synchronized FaultPlan delay(Duration wait, Route route) {
        Objects.requireNonNull(route, "route");
        if (wait == null || wait.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        delays.put(route, wait);
        return this;
    }

    /** Answers every request with {@code status} and {@code body}, until cleared. */
    public FaultPlan status(int status, Body body) {
        return status(status, body, Route.ANY, Integer.MAX_VALUE);
    }

    /** Answers the next {@code times} requests of {@code route} with {@code status}. */
    public synchronized FaultPlan status(int status, Body body, Route route, int times) {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("an injected status is 300..599: " + status);
        }
        add(new StatusFault(status, Objects.requireNonNull(body, "body"), null,
                Objects.requireNonNull(route, "route"), times));
        return this;
    }

    /**
     * Answers the next {@code times} requests with 429 and SignalWire's JSON error
     * (code 20429), carrying {@code Retry-After: value} (seconds or an HTTP date).
     */
    public synchronized FaultPlan retryAfter(String value, int times) {
        add(new StatusFault(429, Body.JSON, Objects.requireNonNull(value, "value"),
                Route.ANY, times));
        return this;
    }

    /**
     * Announces the whole body of answers of {@code route}, sends only its first
     * {@code bytes}, then drops the connection.
     */
    public synchronized FaultPlan cutBodyAfter(int bytes, Route route) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be >= 0: " + bytes);
        }
        cuts.put(Objects.requireNonNull(route, "route"), bytes);
        return this;
    }

    /** Sends the first half of every JSON answer, with a matching Content-Length. */
    public synchronized FaultPlan truncateJson() {
        truncateJson = true;
        return this;
    }

    /** Sends JSON answers that are not valid JSON (a stray word before the end). */
    public synchronized FaultPlan invalidJson() {
        invalidJson = true;
        return this;
    }

    /**
     * Writes recordings with the types SignalWire has used over the years, mixed within
     * one page: numbers as strings and strings as numbers, and null where a value was
     * ({@code start_time}, {@code end_time}, {@code price}, {@code source}, {@code trim}).
     * The meaning of every value is kept.
     */
    public synchronized FaultPlan driftTypes() {
        driftTypes = true;
        return this;
    }

    /** Adds keys no schema knows, to recordings and to list envelopes. */
    public synchronized FaultPlan addUnknownKeys() {
        unknownKeys = true;
        return this;
    }

    /**
     * Spoils the record at {@code index} (from 0) of every list page: its {@code sid}
     * becomes null and its {@code duration} text, so no client can read it.
     */
    public synchronized FaultPlan corruptRecord(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("record index must be >= 0: " + index);
        }
        corruptRecords.add(index);
        return this;
    }

    /** Spoils the {@code next_page_uri} of every list page that has one. */
    public synchronized FaultPlan nextPageUri(NextLink kind) {
        nextLink = Objects.requireNonNull(kind, "kind");
        return this;
    }

    /** Sends every list page with no records, yet with a next link. */
    public synchronized FaultPlan emptyPagesWithNext() {
        emptyPages = true;
        return this;
    }

    /**
     * Answers media requests with a 302 to the same path and query under {@code origin},
     * such as another demo space standing in for a storage host. Credentials are checked
     * first, as a space does before it hands out a storage address.
     */
    public synchronized FaultPlan redirectMediaTo(URI origin) {
        mediaRedirect = Objects.requireNonNull(origin, "origin");
        return this;
    }

    /** Answers media with the whole file and status 200 whatever Range asks for. */
    public synchronized FaultPlan ignoreRange() {
        ignoreRange = true;
        return this;
    }

    /** Serves an HTML sign-in page as the audio, still labelled as audio. */
    public synchronized FaultPlan mediaNotAudio() {
        mediaNotAudio = true;
        return this;
    }

    /** Serves every WAV as 8-bit G.711 μ-law (format tag 7), as many PBXs store it. */
    public synchronized FaultPlan serveMulaw() {
        wavEncoding = WavEncoding.MU_LAW;
        return this;
    }

    /** Serves every WAV with a WAVE_FORMAT_EXTENSIBLE header around 16-bit PCM. */
    public synchronized FaultPlan serveExtensible() {
        wavEncoding = WavEncoding.EXTENSIBLE;
        return this;
    }

    /** Removes every fault; the space answers normally from the next request. */
    public synchronized FaultPlan clear() {
        delays.clear();
        cuts.clear();
        statuses.clear();
        corruptRecords.clear();
        truncateJson = false;
        invalidJson = false;
        driftTypes = false;
        unknownKeys = false;
        emptyPages = false;
        nextLink = null;
        mediaRedirect = null;
        ignoreRange = false;
        mediaNotAudio = false;
        wavEncoding = WavEncoding.AS_STORED;
        return this;
    }

    private void add(StatusFault fault) {
        if (fault.remaining <= 0) {
            throw new IllegalArgumentException("a fault must apply at least once");
        }
        statuses.add(fault);
    }

    // The server's side.

    /** The longest delay that applies to a request of {@code route}; zero for none. */
    synchronized Duration delayFor(Route route) {
        Duration longest = Duration.ZERO;
        for (Map.Entry<Route, Duration> delay : delays.entrySet()) {
            if (delay.getKey().covers(route) && delay.getValue().compareTo(longest) > 0) {
                longest = delay.getValue();
            }
        }
        return longest;
    }

    /** Takes one use of the first status fault for {@code route}, or returns null. */
    synchronized InjectedStatus takeStatus(Route route) {
        Iterator<StatusFault> faults = statuses.iterator();
        while (faults.hasNext()) {
            StatusFault fault = faults.next();
            if (!fault.route.covers(route)) {
                continue;
            }
            if (fault.remaining != Integer.MAX_VALUE && --fault.remaining == 0) {
                faults.remove();
            }
            return injected(fault);
        }
        return null;
    }

    private static InjectedStatus injected(StatusFault fault) {
        return switch (fault.body) {
            case JSON -> new InjectedStatus(fault.status, "application/json",
                    ApiJson.error(errorFor(fault.status)), fault.retryAfter);
            case HTML -> new InjectedStatus(fault.status, "text/html; charset=utf-8",
                    String.format(HTML_PAGE, fault.status)
                            .getBytes(StandardCharsets.UTF_8), fault.retryAfter);
            case EMPTY -> new InjectedStatus(fault.status, null, new byte[0],
                    fault.retryAfter);
        };
    }

    private static ApiError errorFor(int status) {
        if (status == 429) {
            return new ApiError(429, 20429, "Too many requests");
        }
        if (status >= 500) {
            return new ApiError(status, 20504, "The service is unavailable (demo fault)");
        }
        return new ApiError(status, 10000, "Request refused (demo fault)");
    }

    /** Bytes to send of an answer of {@code route} before dropping; -1 for all. */
    synchronized int cutAfter(Route route) {
        int shortest = -1;
        for (Map.Entry<Route, Integer> cut : cuts.entrySet()) {
            if (cut.getKey().covers(route)
                    && (shortest < 0 || cut.getValue() < shortest)) {
                shortest = cut.getValue();
            }
        }
        return shortest;
    }

    synchronized URI mediaRedirect() {
        return mediaRedirect;
    }

    synchronized boolean ignoresRange() {
        return ignoreRange;
    }

    synchronized boolean servesNotAudio() {
        return mediaNotAudio;
    }

    synchronized WavEncoding wavEncoding() {
        return wavEncoding;
    }

    /** The page of bytes served in place of audio by {@link #mediaNotAudio()}. */
    static byte[] notAudio() {
        return NOT_AUDIO.clone();
    }

    /**
     * Applies the JSON faults to a successful JSON answer.
     *
     * @param target the request's raw path and query, for {@link NextLink#REPEAT}
     * @param port the space's port, for {@link NextLink#OTHER_HOST}
     */
    byte[] rewriteJson(byte[] json, String target, int port) {
        Snapshot faults;
        synchronized (this) {
            faults = new Snapshot(Set.copyOf(corruptRecords), driftTypes, unknownKeys,
                    emptyPages, nextLink, truncateJson, invalidJson);
        }
        if (!faults.touchesJson()) {
            return json;
        }
        byte[] out = faults.changesTree() ? rewriteTree(json, faults, target, port) : json;
        if (faults.invalid()) {
            out = spoil(out);
        }
        if (faults.truncate()) {
            out = Arrays.copyOf(out, out.length / 2);
        }
        return out;
    }

    private record Snapshot(Set<Integer> corrupt, boolean drift, boolean unknownKeys,
            boolean empty, NextLink next, boolean truncate, boolean invalid) {

        boolean changesTree() {
            return !corrupt.isEmpty() || drift || unknownKeys || empty || next != null;
        }

        boolean touchesJson() {
            return changesTree() || truncate || invalid;
        }
    }

    private static byte[] rewriteTree(byte[] json, Snapshot faults, String target,
            int port) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the demo space wrote JSON it cannot read", e);
        }
        JsonNode items = root.has("recordings") ? root.get("recordings")
                : root.get("transcriptions");
        if (items instanceof ArrayNode page) {
            rewritePage(root, page, faults, target, port);
        } else {
            rewriteRecord(root, 0, faults);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewritePage(ObjectNode root, ArrayNode page, Snapshot faults,
            String target, int port) {
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i) instanceof ObjectNode record) {
                rewriteRecord(record, i, faults);
                if (faults.corrupt().contains(i)) {
                    record.putNull("sid");
                    record.put("duration", "about a minute");
                }
            }
        }
        if (faults.unknownKeys()) {
            root.put("start", 0);
            root.put("end", Math.max(0, page.size() - 1));
            root.put("x_demo_region", "demo-east-1");
        }
        if (faults.drift()) {
            root.put("page", root.path("page").asText());
            root.put("page_size", root.path("page_size").asText());
        }
        String next = root.path("next_page_uri").isTextual()
                ? root.get("next_page_uri").asText() : null;
        if (faults.empty()) {
            page.removeAll();
            if (next == null) {
                next = root.path("uri").asText() + "&PageToken=PAempty";
            }
        }
        if (next != null && faults.next() != null) {
            next = switch (faults.next()) {
                case REPEAT -> target;
                case OTHER_HOST -> "http://localhost:" + port + next;
                case NO_PREFIX -> API_ROOT.matcher(next).replaceFirst("");
            };
        }
        if (next != null) {
            root.put("next_page_uri", next);
        }
    }

    private static void rewriteRecord(ObjectNode record, int index, Snapshot faults) {
        if (faults.drift()) {
            drift(record, index % 2 == 0);
        }
        if (faults.unknownKeys()) {
            ObjectNode extra = record.putObject("x_storage");
            extra.put("region", "demo-east-1");
            extra.putArray("replicas").add(1).add(2);
            record.put("track", "both");
        }
    }

    // Even records get numbers where the schema has strings; odd ones the reverse,
    // plus nulls where values were, as old and new SignalWire responses differ.
    private static void drift(ObjectNode record, boolean toNumbers) {
        if (toNumbers) {
            asNumber(record, "channel");
            asNumber(record, "channels");
            asNumber(record, "price");
            return;
        }
        if (record.path("duration").isNumber()) {
            record.set("duration", TextNode.valueOf(record.get("duration").asText()));
        }
        for (String key : List.of("start_time", "end_time", "price", "source", "trim")) {
            if (record.has(key)) {
                record.putNull(key);
            }
        }
    }

    private static void asNumber(ObjectNode record, String key) {
        JsonNode value = record.get(key);
        if (value == null || !value.isTextual()) {
            return;
        }
        try {
            BigDecimal number = new BigDecimal(value.asText());
            record.set(key, number.scale() <= 0 ? IntNode.valueOf(number.intValueExact())
                    : DecimalNode.valueOf(number));
        } catch (NumberFormatException | ArithmeticException e) {
            record.set(key, JsonNodeFactory.instance.nullNode());
        }
    }

    private static byte[] spoil(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8).stripTrailing();
        int end = text.lastIndexOf('}');
        String broken = end < 0 ? text + " oops"
                : text.substring(0, end) + ", oops" + text.substring(end);
        return broken.getBytes(StandardCharsets.UTF_8);
    }
}
