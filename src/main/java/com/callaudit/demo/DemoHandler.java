package com.callaudit.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the recording routes of SignalWire's Compatibility API. Runs on the server's
 * pool threads, several at once; it keeps no state of its own between requests.
 */
final class DemoHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHandler.class);

    /** The documented API root first; the second is the one older SDKs call. */
    private static final List<String> PREFIXES =
            List.of("/api/laml/2010-04-01", "/2010-04-01");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String CHALLENGE = "Basic realm=\"SignalWire\"";

    private final String projectId;
    private final String token;
    private final RecordingIndex recordings;
    private final Transcriptions transcriptions;
    private final ApiJson json;
    private final BooleanSupplier mediaProtected;
    private final RequestLog log;
    private final Duration firstByteDelay;
    private final long mediaBytesPerSecond;
    private final FaultPlan faults;
    private final FaultyMedia faultyMedia = new FaultyMedia();

    DemoHandler(String projectId, String token, RecordingIndex recordings,
            Transcriptions transcriptions, ApiJson json, BooleanSupplier mediaProtected,
            RequestLog log, Duration firstByteDelay, long mediaBytesPerSecond,
            FaultPlan faults) {
        this.projectId = projectId;
        this.token = token;
        this.recordings = recordings;
        this.transcriptions = transcriptions;
        this.json = json;
        this.mediaProtected = mediaProtected;
        this.log = log;
        this.firstByteDelay = firstByteDelay;
        this.mediaBytesPerSecond = mediaBytesPerSecond;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Reply reply = new Reply(exchange);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            if (!injectFault(reply)) {
                dispatch(exchange, reply);
            }
        } catch (InterruptedException e) {
            // The space is closing while a fault delays this answer.
            Thread.currentThread().interrupt();
        } catch (ApiError error) {
            sendError(reply, error);
        } catch (CutStream.Cut cut) {
            // Only an exception out of the handler makes the server drop the
            // connection; closing the exchange would leave the client waiting.
            exchange.close();
            throw cut;
        } catch (IOException e) {
            // The client hung up, which players do when they seek.
            LOG.debug("{} {} ended early: {}", method, path, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            sendError(reply, new ApiError(500, 20504, "Internal error in the demo space"));
        } finally {
            exchange.close();
            LOG.debug("{} {} -> {} in {} ms", method, path, reply.status,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Delays, then answers with an injected status if the plan says so. */
    private boolean injectFault(Reply reply) throws IOException, InterruptedException {
        Duration delay = faults.delayFor(reply.route);
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        FaultPlan.InjectedStatus injected = faults.takeStatus(reply.route);
        if (injected == null) {
            return false;
        }
        if (injected.retryAfter() != null) {
            reply.header("Retry-After", injected.retryAfter());
        }
        if (injected.contentType() == null) {
            reply.bare(injected.status());
        } else {
            reply.send(injected.status(), injected.contentType(), injected.body());
        }
        return true;
    }

    private void sendError(Reply reply, ApiError error) {
        if (reply.status != 0) {
            return;
        }
        try {
            if (error.status() == 401) {
                reply.header("WWW-Authenticate", CHALLENGE);
            }
            reply.send(error.status(), "application/json", ApiJson.error(error));
        } catch (IOException e) {
            LOG.debug("error reply not delivered: {}", e.toString());
        }
    }

    private void dispatch(HttpExchange exchange, Reply reply)
            throws IOException, ApiError {
        String path = exchange.getRequestURI().getRawPath();
        String prefix = PREFIXES.stream()
                .filter(p -> path.startsWith(p + "/"))
                .findFirst().orElse(null);
        List<String> parts = prefix == null ? List.of()
                : Arrays.asList(path.substring(prefix.length() + 1).split("/", -1));
        if (parts.size() < 3 || !parts.get(0).equals("Accounts")
                || parts.contains("")) {
            reply.bare(404);
            return;
        }
        Call call = new Call(exchange, reply, prefix, path, parts.get(1));
        route(call, parts.subList(2, parts.size()));
    }

    /** One request: its exchange, the API root it used and the account in its path. */
    private record Call(HttpExchange exchange, Reply reply, String prefix, String path,
            String account) {

        String method() {
            return exchange.getRequestMethod();
        }

        String base() {
            return prefix + "/Accounts/" + account;
        }
    }

    private void route(Call call, List<String> rest) throws IOException, ApiError {
        String first = rest.get(0);
        boolean nested = first.equals("Calls") || first.equals("Conferences");
        switch (rest.size()) {
            case 1:
                if (isCollection(first, "Recordings")) {
                    onlyGet(call, () -> listRecordings(call, null, null));
                } else if (isCollection(first, "Transcriptions")) {
                    onlyGet(call, () -> listTranscriptions(call, null));
                } else {
                    call.reply().bare(404);
                }
                return;
            case 2:
                if (first.equals("Recordings")) {
                    recordingItem(call, rest.get(1));
                } else if (first.equals("Transcriptions")) {
                    onlyGet(call, () -> transcription(call, rest.get(1)));
                } else {
                    call.reply().bare(404);
                }
                return;
            case 3:
                if (first.equals("Recordings")
                        && isCollection(rest.get(2), "Transcriptions")) {
                    onlyGet(call, () -> listTranscriptions(call, rest.get(1)));
                } else if (nested && isCollection(rest.get(2), "Recordings")) {
                    String parent = rest.get(1);
                    onlyGet(call, () -> listRecordings(call, first, parent));
                } else {
                    call.reply().bare(404);
                }
                return;
            case 4:
                if (nested && rest.get(2).equals("Recordings")) {
                    nestedRecordingItem(call, first, rest.get(1), rest.get(3));
                } else {
                    call.reply().bare(404);
                }
                return;
            default:
                call.reply().bare(404);
        }
    }

    private static boolean isCollection(String segment, String name) {
        return segment.equals(name) || segment.equals(name + ".json");
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException, ApiError;
    }

    private static void onlyGet(Call call, Action action) throws IOException, ApiError {
        if (!call.method().equals("GET")) {
            call.reply().header("Allow", "GET");
            call.reply().bare(405);
            return;
        }
        action.run();
    }

    private void recordingItem(Call call, String item) throws IOException, ApiError {
        String method = call.method();
        String sid = stripExtension(item);
        String extension = item.substring(sid.length());
        boolean metadata = extension.equals(".json");
        boolean media = extension.isEmpty() || extension.equals(".wav")
                || extension.equals(".mp3");
        if (!metadata && !media) {
            call.reply().bare(404);
        } else if (method.equals("DELETE") && (metadata || extension.isEmpty())) {
            delete(call, sid, null, null);
        } else if (method.equals("GET") && metadata) {
            metadata(call, sid, null, null);
        } else if ((method.equals("GET") || method.equals("HEAD")) && media) {
            media(call, sid, extension.equals(".mp3"));
        } else {
            call.reply().header("Allow", metadata ? "GET, DELETE" : "GET, HEAD, DELETE");
            call.reply().bare(405);
        }
    }

    private void nestedRecordingItem(Call call, String kind, String parent, String item)
            throws IOException, ApiError {
        String sid = stripExtension(item);
        String extension = item.substring(sid.length());
        if (!extension.isEmpty() && !extension.equals(".json")) {
            call.reply().bare(404);
        } else if (call.method().equals("GET")) {
            metadata(call, sid, kind, parent);
        } else if (call.method().equals("DELETE")) {
            delete(call, sid, kind, parent);
        } else {
            call.reply().header("Allow", "GET, DELETE");
            call.reply().bare(405);
        }
    }

    private static String stripExtension(String item) {
        int dot = item.lastIndexOf('.');
        return dot < 0 ? item : item.substring(0, dot);
    }

    private void metadata(Call call, String sid, String kind, String parent)
            throws IOException, ApiError {
        requireCredentials(call);
        Recording recording = existing(call, sid, kind, parent);
        call.reply().send(200, "application/json",
                json.recording(recording, call.prefix()));
    }

    private void delete(Call call, String sid, String kind, String parent)
            throws IOException, ApiError {
        requireCredentials(call);
        existing(call, sid, kind, parent);
        if (!recordings.delete(sid)) {
            throw ApiError.notFound(call.path());
        }
        LOG.info("Deleted recording {}", sid);
        call.reply().bare(204);
    }

    /** The live recording, or 400 for a SID that is no UUID and 404 for an unknown one. */
    private Recording existing(Call call, String sid, String kind, String parent)
            throws ApiError {
        requireUuid(sid);
        Recording recording = call.account().equals(projectId) ? recordings.find(sid) : null;
        if (recording == null || !isIn(recording, kind, parent)) {
            throw ApiError.notFound(call.path());
        }
        return recording;
    }

    private static boolean isIn(Recording recording, String kind, String parent) {
        if (kind == null) {
            return true;
        }
        String actual = kind.equals("Calls") ? recording.callSid()
                : recording.conferenceSid();
        return parent.equals(actual);
    }

    private void media(Call call, String sid, boolean mp3) throws IOException, ApiError {
        if (mediaProtected.getAsBoolean()) {
            requireCredentials(call);
        }
        Recording recording = existing(call, sid, null, null);
        Supplier<MediaBody> format = !recording.hasMedia() ? null
                : mp3 ? recording.media().mp3() : recording.media().wav();
        if (format == null) {
            throw ApiError.notFound(call.path());
        }
        URI redirect = faults.mediaRedirect();
        if (redirect != null) {
            call.reply().header("Location", redirect.resolve(
                    call.exchange().getRequestURI().getRawPath() + rawQuery(call))
                    .toString());
            call.reply().bare(302);
            return;
        }
        MediaBody body = faultyMedia.apply(faults, sid, mp3, format.get());
        boolean rangesHonoured = !faults.ignoresRange();
        String rangeHeader = rangesHonoured
                ? call.exchange().getRequestHeaders().getFirst("Range") : null;
        ByteRange range = ByteRange.parse(rangeHeader, body.length());
        Reply reply = call.reply();
        if (rangesHonoured) {
            reply.header("Accept-Ranges", "bytes");
        }
        if (!range.satisfiable()) {
            reply.header("Content-Range", "bytes */" + body.length());
            reply.bare(416);
            return;
        }
        if (range.partial()) {
            reply.header("Content-Range", "bytes " + range.first() + "-" + range.last()
                    + "/" + body.length());
        }
        reply.header("Content-Type", body.contentType());
        int status = range.partial() ? 206 : 200;
        if (call.method().equals("HEAD")) {
            reply.head(status, range.count());
            return;
        }
        try (OutputStream out = reply.start(status, range.count())) {
            body.write(out, range.first(), range.last());
        }
    }

    private void listRecordings(Call call, String kind, String parent)
            throws IOException, ApiError {
        requireCredentials(call);
        ListRequest request = ListRequest.parse(query(call));
        String scope = "";
        if (kind != null) {
            requireUuid(parent);
            scope = "/" + kind + "/" + parent;
            request = kind.equals("Calls") ? request.scopedTo(parent, null)
                    : request.scopedTo(null, parent);
        }
        Pager.Page<Recording> page = Pager.page(recordings.sequence(request), request);
        ApiJson.PageUris uris = uris(call.base() + scope + "/Recordings", request, page);
        call.reply().send(200, "application/json", json.recordingPage(uris,
                request.page(), request.pageSize(), page.items(), call.prefix()));
    }

    private void listTranscriptions(Call call, String recordingSid)
            throws IOException, ApiError {
        requireCredentials(call);
        ListRequest request = ListRequest.parse(query(call));
        String base = call.base() + "/Transcriptions";
        if (recordingSid != null) {
            existing(call, recordingSid, null, null);
            base = call.base() + "/Recordings/" + recordingSid + "/Transcriptions";
        }
        Pager.Page<Transcriptions.Transcription> page =
                Pager.page(transcriptions.sequence(request, recordingSid), request);
        ApiJson.PageUris uris = uris(base, request, page);
        call.reply().send(200, "application/json", json.transcriptionPage(uris,
                request.page(), request.pageSize(), page.items(), call.prefix()));
    }

    private void transcription(Call call, String item) throws IOException, ApiError {
        requireCredentials(call);
        String sid = stripExtension(item);
        if (!item.substring(sid.length()).isEmpty() && !item.endsWith(".json")) {
            call.reply().bare(404);
            return;
        }
        requireUuid(sid);
        Transcriptions.Transcription found = transcriptions.find(sid);
        if (found == null) {
            throw ApiError.notFound(call.path());
        }
        call.reply().send(200, "application/json",
                json.transcription(found, call.prefix()));
    }

    private static ApiJson.PageUris uris(String base, ListRequest request,
            Pager.Page<?> page) {
        int number = request.page();
        int size = request.pageSize();
        String uri = base + query(number, size, request.pageToken(), request);
        String first = base + query(0, size, null, request);
        String next = page.nextToken() == null ? null
                : base + query(number + 1, size, page.nextToken(), request);
        String previous = page.previousToken() == null ? null
                : base + query(number - 1, size, page.previousToken(), request);
        return new ApiJson.PageUris(uri, first, next, previous);
    }

    /** A paging query with the request's filters echoed, as Twilio does. */
    private static String query(int page, int size, String token, ListRequest request) {
        StringBuilder query = new StringBuilder()
                .append("?Page=").append(page)
                .append("&PageSize=").append(size);
        if (token != null) {
            query.append("&PageToken=").append(encode(token));
        }
        for (Map.Entry<String, String> filter : request.filters()) {
            query.append('&').append(encode(filter.getKey()))
                    .append('=').append(encode(filter.getValue()));
        }
        return query.toString();
    }

    private static String rawQuery(Call call) {
        String query = call.exchange().getRequestURI().getRawQuery();
        return query == null ? "" : "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(Call call) throws ApiError {
        String raw = call.exchange().getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        try {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, 10000, "The query string is not URL-encoded properly");
        }
        return query;
    }

    private static void requireUuid(String sid) throws ApiError {
        if (!UUID_TEXT.matcher(sid).matches()) {
            throw ApiError.invalidSid(sid);
        }
    }

    /**
     * Basic auth with the path's account as user name and the Voice-scoped token as
     * password; anything else, a token without Voice included, is a 401.
     */
    private void requireCredentials(Call call) throws ApiError {
        String header = call.exchange().getRequestHeaders().getFirst("Authorization");
        if (header == null || header.length() < 6
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ApiError.authenticationFailed();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.authenticationFailed();
        }
        int colon = decoded.indexOf(':');
        boolean valid = colon > 0
                && decoded.substring(0, colon).equals(call.account())
                && call.account().equals(projectId)
                && decoded.substring(colon + 1).equals(token);
        if (!valid) {
            throw ApiError.authenticationFailed();
        }
    }

    /**
     * Sends one response and records it in the request log just before its status line
     * goes out, after the configured first-byte delay.
     */
    private final class Reply {

        private final HttpExchange exchange;
        private final FaultPlan.Route route;
        private int status;

        Reply(HttpExchange exchange) {
            this.exchange = exchange;
            this.route = FaultPlan.Route.of(exchange.getRequestURI().getRawPath());
        }

        void header(String name, String value) {
            exchange.getResponseHeaders().set(name, value);
        }

        void send(int code, String contentType, byte[] body) throws IOException {
            byte[] sent = body;
            if (code == 200 && contentType.startsWith("application/json")) {
                sent = faults.rewriteJson(body, exchange.getRequestURI().getRawPath()
                        + rawQuerySuffix(), exchange.getLocalAddress().getPort());
            }
            header("Content-Type", contentType);
            try (OutputStream out = start(code, sent.length)) {
                out.write(sent);
            }
        }

        /** A response with no body: 204, 405, 416 or a bare 404 for unknown routes. */
        void bare(int code) throws IOException {
            begin(code);
            exchange.sendResponseHeaders(code, -1);
        }

        /** Headers of a HEAD answer, announcing the length a GET would send. */
        void head(int code, long length) throws IOException {
            header("Content-Length", Long.toString(length));
            begin(code);
            exchange.sendResponseHeaders(code, -1);
        }

        OutputStream start(int code, long length) throws IOException {
            begin(code);
            exchange.sendResponseHeaders(code, length == 0 ? -1 : length);
            int cut = route == null ? -1 : faults.cutAfter(route);
            OutputStream body = cut < 0 ? exchange.getResponseBody()
                    : new CutStream(exchange.getResponseBody(), cut);
            return route == FaultPlan.Route.MEDIA && mediaBytesPerSecond > 0
                    ? new PacedStream(body, mediaBytesPerSecond) : body;
        }

        private void begin(int code) throws IOException {
            if (!firstByteDelay.isZero()) {
                try {
                    Thread.sleep(firstByteDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("demo space is stopping");
                }
            }
            status = code;
            log.add(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + rawQuerySuffix(),
                    exchange.getRequestHeaders(), code);
        }

        private String rawQuerySuffix() {
            String query = exchange.getRequestURI().getRawQuery();
            return query == null ? "" : "?" + query;
        }
    }
}
