package com.callaudit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one SignalWire space's recordings API for one project.
 *
 * <p>Every call blocks; use it from a background thread, never the FX thread. Instances
 * are thread-safe and hold a small pool of connections: close the client when done.
 * Basic auth goes only to the space's own origin, through HttpClient's credentials
 * mechanism; the token never appears in a URL or a log line. Rate limiting (429) and
 * unavailability (503) are retried with backoff, at most three tries in all.
 */
public final class RecordingsClient implements Closeable {

    /** The documented path prefix of the Compatibility (LaML) REST API. */
    public static final String API_PREFIX = "/api/laml/2010-04-01";

    private static final Logger LOG = LoggerFactory.getLogger(RecordingsClient.class);
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(10);

    private final SpaceAddress space;
    private final Credentials credentials;
    private final HttpHost spaceHost;
    private final BasicCredentialsProvider credentialsProvider;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final ExecutorService pageFetcher = Executors.newCachedThreadPool(
            RecordingsClient::pageFetcherThread);
    private final AtomicInteger pagesAskedAhead = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();
    private final ErrorTranslator errors;

    /** A client with timeouts fit for a desktop on an office network. */
    public RecordingsClient(SpaceAddress space, Credentials credentials) {
        this(space, credentials, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * A client with the given timeouts.
     *
     * @param connectTimeout how long to wait for a connection to the space
     * @param responseTimeout how long to wait for the space between two reads
     */
    public RecordingsClient(SpaceAddress space, Credentials credentials,
            Duration connectTimeout, Duration responseTimeout) {
        this.space = space;
        this.credentials = credentials;
        URI origin = space.origin();
        this.spaceHost = new HttpHost(origin.getScheme(), origin.getHost(), port(origin));
        this.credentialsProvider = new BasicCredentialsProvider();
        credentialsProvider.setCredentials(new AuthScope(spaceHost),
                new UsernamePasswordCredentials(credentials.projectId(),
                        credentials.token().toCharArray()));
        this.connections = newConnectionManager(connectTimeout, responseTimeout);
        this.http = newHttpClient(connections, connectTimeout, responseTimeout);
        this.errors = new ErrorTranslator(space);
    }

    /** The space this client talks to. */
    public SpaceAddress space() {
        return space;
    }

    /** The project whose recordings this client lists. */
    public String projectId() {
        return credentials.projectId();
    }

    /**
     * Checks that the space answers and accepts the credentials, with the cheapest
     * request there is: a list of one recording.
     *
     * @throws SignalWireException with a message saying what to fix
     */
    public void checkSignIn() throws SignalWireException {
        list(RecordingQuery.all().withPageSize(1), new Cancellation());
        LOG.info("Signed in to {} as project {}", space.host(), credentials.projectId());
    }

    /** The first page of the recordings the query selects, newest first. */
    public RecordingPage list(RecordingQuery query) throws SignalWireException {
        return list(query, new Cancellation());
    }

    /** As {@link #list(RecordingQuery)}, abortable from another thread. */
    public RecordingPage list(RecordingQuery query, Cancellation cancellation)
            throws SignalWireException {
        URI uri = listUri(query);
        Set<String> trail = ConcurrentHashMap.newKeySet();
        trail.add(PageReader.trailKey(uri));
        return fetchPage(query, uri, trail, cancellation);
    }

    /**
     * The page after this one, by the space's own {@code next_page_uri}.
     *
     * @throws IllegalStateException when {@code page.hasNext()} is false
     */
    public RecordingPage next(RecordingPage page) throws SignalWireException {
        return next(page, new Cancellation());
    }

    /** As {@link #next(RecordingPage)}, abortable from another thread. */
    public RecordingPage next(RecordingPage page, Cancellation cancellation)
            throws SignalWireException {
        if (!page.hasNext()) {
            throw new IllegalStateException("the list has no next page");
        }
        return fetchPage(page.query(), page.nextUri(), page.trail(), cancellation);
    }

    /**
     * Every page of the query, from the first, for a caller that asked for them all
     * ("Load all"): while the caller reads one page, the next one is already being
     * fetched. Close the stream when done; cancelling the cancellation stops it too.
     */
    public PageStream listAll(RecordingQuery query, Cancellation cancellation) {
        URI uri = listUri(query);
        Set<String> trail = ConcurrentHashMap.newKeySet();
        trail.add(PageReader.trailKey(uri));
        return new PageStream(this, query, uri, trail, cancellation);
    }

    /** As {@link #listAll}, for the pages after one already fetched. */
    public PageStream pagesAfter(RecordingPage page, Cancellation cancellation) {
        return new PageStream(this, page.query(), page.nextUri(), page.trail(),
                cancellation);
    }

    /** One recording's metadata ({@code {Sid}.json}), every key kept. */
    public Recording fetch(String recordingSid) throws SignalWireException {
        return fetch(recordingSid, new Cancellation());
    }

    /** As {@link #fetch(String)}, abortable from another thread. */
    public Recording fetch(String recordingSid, Cancellation cancellation)
            throws SignalWireException {
        String sid = checkSid(recordingSid);
        JsonNode body = getJson(recordingsPath() + "/" + sid + ".json", cancellation,
                "recording " + sid);
        try {
            return Recording.fromJson(body);
        } catch (IllegalArgumentException e) {
            throw SignalWireException.unreadable("The space sent recording " + sid
                    + " in a form CallAudit cannot read: " + e.getMessage() + ".", 200, e);
        }
    }

    /** The transcriptions of one recording; most recordings have none. */
    public List<Transcription> transcriptions(String recordingSid)
            throws SignalWireException {
        return transcriptions(recordingSid, new Cancellation());
    }

    /** As {@link #transcriptions(String)}, abortable from another thread. */
    public List<Transcription> transcriptions(String recordingSid, Cancellation cancellation)
            throws SignalWireException {
        String sid = checkSid(recordingSid);
        JsonNode body = getJson(recordingsPath() + "/" + sid + "/Transcriptions.json",
                cancellation, "transcriptions of " + sid);
        List<Transcription> transcriptions = new ArrayList<>();
        for (JsonNode item : body.path("transcriptions")) {
            if (item.isObject()) {
                transcriptions.add(Transcription.fromJson(item));
            }
        }
        return List.copyOf(transcriptions);
    }

    /**
     * The public media URL of a recording, built from the project ID and the SID (a
     * recording's own {@code uri} may point under a call, so it is never used). The URL
     * carries no credentials.
     */
    public URI mediaUri(String recordingSid, MediaFormat format) {
        String sid = checkSid(recordingSid);
        return space.resolve(recordingsPath() + "/" + sid + format.extension());
    }

    /** The credentials of this client, for the media relay's retry on protected media. */
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        pageFetcher.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }

    /** Connections of the pool lent out to a request right now; for tests. */
    int leasedConnections() {
        return connections.getTotalStats().getLeased();
    }

    // Browsing asks for a page only when the caller does, so each page's reading adds
    // to its wait; listAll overlaps them instead (see PageStream).
    // Reading a page of 1000 records still takes 2 to 3 ms of CPU, hidden only while a
    // core is free, so on a busy two-core machine listing a whole large space takes
    // about 1.1 to 1.2 times as long as curl fetching the same pages (1.4 page by page).
    private RecordingPage fetchPage(RecordingQuery query, URI uri, Set<String> trail,
            Cancellation cancellation) throws SignalWireException {
        long started = System.nanoTime();
        byte[] body = fetchPageBody(uri, cancellation);
        long fetched = System.nanoTime();
        RecordingPage page = readPage(query, trail, body, null);
        logPage(page, fetched - started, System.nanoTime() - fetched);
        return page;
    }

    byte[] fetchPageBody(URI uri, Cancellation cancellation) throws SignalWireException {
        return fetchPageBody(uri, cancellation, null);
    }

    private byte[] fetchPageBody(URI uri, Cancellation cancellation, Reply.Watcher watcher)
            throws SignalWireException {
        String what = "the recordings list";
        Reply reply = getWithRetries(uri, cancellation, what, watcher);
        if (reply.status() != 200) {
            throw errors.fromReply(reply, what);
        }
        return reply.body();
    }

    RecordingPage readPage(RecordingQuery query, Set<String> trail, byte[] body,
            Consumer<URI> early) throws SignalWireException {
        RecordingPage page = pageReader(query, trail).read(body, early);
        page.pagingProblem().ifPresent(problem -> LOG.warn("{}", problem));
        return page;
    }

    void logPage(RecordingPage page, long waitedNanos, long readNanos) {
        LOG.info("Page {} of recordings from {}: {} rows, {} ms waiting for the space, {} ms "
                + "reading", page.page(), space.host(), page.recordings().size(),
                waitedNanos / 1_000_000, readNanos / 1_000_000);
    }

    // On a thread of the client's; the watcher sees the first bytes as they arrive.
    Future<byte[]> fetchPageBodyLater(URI uri, Cancellation cancellation,
            Reply.Watcher watcher, boolean ahead) {
        if (ahead) {
            pagesAskedAhead.incrementAndGet();
        }
        return pageFetcher.submit(() -> fetchPageBody(uri, cancellation, watcher));
    }

    PageReader pageReader(RecordingQuery query, Set<String> trail) {
        return new PageReader(query, space, credentials.projectId(), trail);
    }

    /** Pages asked for before their caller asked, since the client was made; for tests. */
    int pagesAskedAhead() {
        return pagesAskedAhead.get();
    }

    private JsonNode getJson(String path, Cancellation cancellation, String what)
            throws SignalWireException {
        return getJson(space.resolve(path), cancellation, what);
    }

    private JsonNode getJson(URI uri, Cancellation cancellation, String what)
            throws SignalWireException {
        Reply reply = getWithRetries(uri, cancellation, what);
        if (reply.status() != 200) {
            throw errors.fromReply(reply, what);
        }
        try {
            JsonNode body = json.readTree(reply.body());
            if (body == null || !body.isObject()) {
                throw new JsonProcessingException("not a JSON object") { };
            }
            return body;
        } catch (IOException e) {
            throw SignalWireException.unreadable("The space sent " + what
                    + " as something CallAudit cannot read (broken or cut-off JSON). "
                    + "Try again; if it keeps happening, a proxy may be altering it.", 200, e);
        }
    }

    private Reply getWithRetries(URI uri, Cancellation cancellation, String what)
            throws SignalWireException {
        return getWithRetries(uri, cancellation, what, null);
    }

    private Reply getWithRetries(URI uri, Cancellation cancellation, String what,
            Reply.Watcher watcher) throws SignalWireException {
        for (int attempt = 1; ; attempt++) {
            Reply reply = get(uri, cancellation, what, watcher);
            if (!reply.isWorthRetrying() || attempt == RetryPolicy.MAX_TRIES) {
                return reply;
            }
            Duration wait = RetryPolicy.waitBefore(attempt, reply.retryAfterHeader(),
                    LONGEST_RETRY_WAIT);
            LOG.info("The space answered {} for {}; retrying in {} ms", reply.status(), what,
                    wait.toMillis());
            pause(wait, cancellation, what);
        }
    }

    private Reply get(URI uri, Cancellation cancellation, String what, Reply.Watcher watcher)
            throws SignalWireException {
        if (!space.isSameOrigin(uri)) {
            throw new IllegalArgumentException("refusing to send credentials to " + uri.getHost());
        }
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", "application/json");
        cancellation.attach(request);
        try {
            return http.execute(request, authenticatedContext(),
                    response -> Reply.read(response, watcher));
        } catch (IOException e) {
            if (cancellation.isCancelled()) {
                throw SignalWireException.noAnswer("Cancelled.", e);
            }
            throw errors.fromNoAnswer(e, what);
        }
    }

    // Credentials are sent with the first request (preemptive Basic) because a space
    // need not send a challenge; the auth cache is keyed by the space's host, so they
    // cannot go to any other host.
    private HttpClientContext authenticatedContext() {
        BasicScheme basic = new BasicScheme();
        basic.initPreemptive(new UsernamePasswordCredentials(credentials.projectId(),
                credentials.token().toCharArray()));
        BasicAuthCache authCache = new BasicAuthCache();
        authCache.put(spaceHost, basic);
        HttpClientContext context = HttpClientContext.create();
        context.setCredentialsProvider(credentialsProvider);
        context.setAuthCache(authCache);
        return context;
    }

    private static void pause(Duration wait, Cancellation cancellation, String what)
            throws SignalWireException {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (cancellation.isCancelled()) {
                    throw SignalWireException.noAnswer("Cancelled.", null);
                }
                Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime())
                        / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignalWireException.noAnswer("Stopped while waiting to retry " + what + ".",
                    e);
        }
    }

    private URI listUri(RecordingQuery query) {
        try {
            URIBuilder builder = new URIBuilder(space.resolve(recordingsPath()));
            for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
                builder.addParameter(parameter.getKey(), parameter.getValue());
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a list URL for " + query, e);
        }
    }

    private String recordingsPath() {
        return API_PREFIX + "/Accounts/" + credentials.projectId() + "/Recordings";
    }

    private static String checkSid(String sid) {
        if (sid == null || !SID.matcher(sid.strip()).matches()) {
            throw new IllegalArgumentException("\"" + sid + "\" is not a recording SID.");
        }
        return sid.strip();
    }

    private static PoolingHttpClientConnectionManager newConnectionManager(
            Duration connectTimeout, Duration responseTimeout) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .setMaxConnPerRoute(4)
                .setMaxConnTotal(8)
                .build();
    }

    private static CloseableHttpClient newHttpClient(
            PoolingHttpClientConnectionManager connections, Duration connectTimeout,
            Duration responseTimeout) {
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("CallAudit")
                .build();
    }

    private static Thread pageFetcherThread(Runnable work) {
        Thread thread = new Thread(work, "callaudit-next-page");
        thread.setDaemon(true);
        return thread;
    }

    private static int port(URI origin) {
        if (origin.getPort() != -1) {
            return origin.getPort();
        }
        return origin.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
