package com.callaudit.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process stand-in for a SignalWire space's recording API, listening on
 * {@code 127.0.0.1} only and serving the real recordings shipped with CallAudit.
 *
 * <p>It answers the Compatibility REST API's recording, conference-recording and
 * transcription routes under both {@code /api/laml/2010-04-01} and {@code /2010-04-01},
 * with SignalWire's paging envelope, error bodies, auth rules and data types. The
 * "try it" mode, the demo command and the tests all start one.
 *
 * <p>Tests make it hostile through {@link #faults()}: slow answers, 429/5xx with JSON,
 * HTML or empty bodies, bodies cut mid-way, broken JSON, drifting types, bad paging
 * links, media redirected to another host, Range ignored, bytes that are not audio, and
 * μ-law or extensible WAVs. With no fault set it behaves as described above.
 *
 * <p>Thread-safe. Requests are served by a small pool of daemon threads; {@link
 * #close()} stops them and frees the port. {@link #PROJECT_ID} and {@link #TOKEN} are
 * the demo space's public credentials, fine to print and to commit; they open nothing
 * else.
 */
public final class DemoSpace implements AutoCloseable {

    /** The demo space's project ID, which is also its AccountSid. */
    public static final String PROJECT_ID = "d0c7a929-8619-4380-bbdc-73d1d5ef55b0";

    /** An API token with the Voice scope: it opens every route. */
    public static final String TOKEN = "PT817145f489d4aaed057f42c5210d68420156a00e41f37115";

    /** A valid token of the project that lacks the Voice scope, so it gets 401s. */
    public static final String TOKEN_WITHOUT_VOICE =
            "PTa71e45566058ea64b2dac34d5eabd46d78c820ea5a3c4702";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSpace.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final int port;
    private final ExecutorService pool;
    private final RecordingIndex recordings;
    private final RequestLog requests;
    private final AtomicBoolean mediaProtected;
    private final FaultPlan faults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSpace(HttpServer server, ExecutorService pool, RecordingIndex recordings,
            RequestLog requests, AtomicBoolean mediaProtected, FaultPlan faults) {
        this.server = server;
        this.port = server.getAddress().getPort();
        this.pool = pool;
        this.recordings = recordings;
        this.requests = requests;
        this.mediaProtected = mediaProtected;
        this.faults = faults;
    }

    /** Starts a demo space with the default configuration: the real recordings only. */
    public static DemoSpace start() throws IOException {
        return start(new Config());
    }

    /**
     * Loads the recordings and starts listening.
     *
     * @throws IOException if the port is taken or the recordings are missing from the
     *     class path
     */
    public static DemoSpace start(Config config) throws IOException {
        Objects.requireNonNull(config, "config");
        AudioLibrary audio = new AudioLibrary();
        List<Catalog.Entry> entries = Catalog.load();
        List<Recording> real = new ArrayList<>();
        List<Recording> audioSources = new ArrayList<>();
        List<Catalog.Entry> voices = new ArrayList<>();
        for (Catalog.Entry entry : entries) {
            Recording recording = realRecording(entry, audio);
            real.add(recording);
            if (recording.hasMedia() && recording.status().equals("completed")) {
                // Synthetic recordings borrow only the audio, always decoded to PCM.
                audioSources.add(new Recording(recording.sid(), null, null, null, null,
                        null, recording.duration(), recording.channels(), "completed",
                        null, null, null, null, audio.decodedMediaOf(entry)));
                if (entry.wav() != null) {
                    voices.add(entry);
                }
            }
        }

        Instant newest = real.stream().map(Recording::dateCreated)
                .max(Instant::compareTo).orElse(Instant.parse("2026-12-01T09:00:00Z"));
        Instant oldest = real.stream().map(Recording::dateCreated)
                .min(Instant::compareTo).orElse(newest);
        List<Recording> stored = new ArrayList<>(real);
        if (config.longRecordings) {
            stored.addAll(LongRecordings.create(audio, voices, newest));
        }
        SyntheticRecordings synthetic =
                new SyntheticRecordings(config.syntheticRecordings, oldest, audioSources);
        RecordingIndex index = new RecordingIndex(stored, synthetic);
        Transcriptions transcriptions = new Transcriptions(real, index);

        RequestLog requests = new RequestLog();
        AtomicBoolean mediaProtected = new AtomicBoolean(config.mediaProtected);
        FaultPlan faults = new FaultPlan();
        DemoHandler handler = new DemoHandler(PROJECT_ID, TOKEN, index, transcriptions,
                new ApiJson(PROJECT_ID, config.legacyJson), mediaProtected::get, requests,
                config.firstByteDelay, config.mediaBytesPerSecond, faults);

        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(
                new InetSocketAddress(loopback, config.port), 50);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(pool);
        server.createContext("/", handler);
        server.start();

        DemoSpace space = new DemoSpace(server, pool, index, requests, mediaProtected,
                faults);
        LOG.info("Demo space at {}: {} recordings ({} real, {} synthetic, {} long),"
                + " media {}", space.origin(), index.liveCount(), real.size(),
                synthetic.count(), stored.size() - real.size(),
                config.mediaProtected ? "protected" : "public");
        return space;
    }

    private static Recording realRecording(Catalog.Entry entry, AudioLibrary audio) {
        return new Recording(entry.sid(), entry.callSid(), entry.conferenceSid(),
                entry.dateCreated(), entry.startTime(), entry.endTime(), entry.duration(),
                entry.channels(), entry.status(), entry.source(), entry.price(),
                entry.trim(), entry.transcription(), audio.mediaOf(entry));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "demo-space-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where the space listens: {@code http://127.0.0.1:PORT}, with no path. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The TCP port on 127.0.0.1; still answers after {@link #close()}. */
    public int port() {
        return port;
    }

    /** {@link #PROJECT_ID}. */
    public String projectId() {
        return PROJECT_ID;
    }

    /** {@link #TOKEN}. */
    public String token() {
        return TOKEN;
    }

    /**
     * Turns the project's "Protect Recording Media URLs" setting on or off; while on,
     * WAV and MP3 requests need the same Basic auth as the JSON ones. Takes effect for
     * the next request.
     */
    public void setMediaProtected(boolean on) {
        mediaProtected.set(on);
    }

    /** Whether media URLs currently need Basic auth. */
    public boolean isMediaProtected() {
        return mediaProtected.get();
    }

    /** How many recordings the space holds now, deleted ones not counted. */
    public int recordingCount() {
        return recordings.liveCount();
    }

    /** The SIDs of the recordings the space holds now, newest first. */
    public List<String> recordingSids() {
        return recordings.liveSids();
    }

    /**
     * The faults this space injects: delays, error statuses, cut and spoilt bodies, bad
     * paging links, redirected and re-encoded media. Empty at start; see {@link
     * FaultPlan}. Changes take effect from the next request.
     */
    public FaultPlan faults() {
        return faults;
    }

    /** Every request answered since start (or since the last {@code clear()}). */
    public RequestLog requests() {
        return requests;
    }

    /** Stops listening, ends the server's threads and frees the port; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Demo space threads still busy 5 s after stopping");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Demo space on port {} stopped", port);
    }

    /**
     * How to start a demo space. Each setter returns a new configuration, so a
     * configuration can be shared and reused; the default is an ephemeral port, the
     * real recordings only, public media, today's JSON and no added latency.
     */
    public static final class Config {

        private final int port;
        private final int syntheticRecordings;
        private final boolean longRecordings;
        private final boolean mediaProtected;
        private final boolean legacyJson;
        private final Duration firstByteDelay;
        private final long mediaBytesPerSecond;

        /** The default configuration. */
        public Config() {
            this(0, 0, false, false, false, Duration.ZERO, 0);
        }

        private Config(int port, int syntheticRecordings, boolean longRecordings,
                boolean mediaProtected, boolean legacyJson, Duration firstByteDelay,
                long mediaBytesPerSecond) {
            this.port = port;
            this.syntheticRecordings = syntheticRecordings;
            this.longRecordings = longRecordings;
            this.mediaProtected = mediaProtected;
            this.legacyJson = legacyJson;
            this.firstByteDelay = firstByteDelay;
            this.mediaBytesPerSecond = mediaBytesPerSecond;
        }

        /** The TCP port on 127.0.0.1; 0, the default, picks a free one. */
        public Config port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, not " + p);
            }
            return new Config(p, syntheticRecordings, longRecordings, mediaProtected,
                    legacyJson, firstByteDelay, mediaBytesPerSecond);
        }

        /**
         * Adds {@code n} made-up recordings older than the real ones, each derived from
         * its number and reusing real audio; 100,000 cost a few megabytes.
         */
        public Config syntheticRecordings(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("recording count must be >= 0: " + n);
            }
            return new Config(port, n, longRecordings, mediaProtected, legacyJson,
                    firstByteDelay, mediaBytesPerSecond);
        }

        /** Adds two 60-minute recordings, one mono and one dual, newest of all. */
        public Config longRecordings(boolean on) {
            return new Config(port, syntheticRecordings, on, mediaProtected, legacyJson,
                    firstByteDelay, mediaBytesPerSecond);
        }

        /** Starts with "Protect Recording Media URLs" on; see {@link #setMediaProtected}. */
        public Config mediaProtected(boolean on) {
            return new Config(port, syntheticRecordings, longRecordings, on, legacyJson,
                    firstByteDelay, mediaBytesPerSecond);
        }

        /**
         * Writes recordings as SignalWire did in 2018: that key order, {@code price} as
         * a JSON number ({@code 0.0} when free), no {@code trim} or
         * {@code encryption_details}; for testing tolerant clients.
         */
        public Config legacyJson(boolean on) {
            return new Config(port, syntheticRecordings, longRecordings, mediaProtected,
                    on, firstByteDelay, mediaBytesPerSecond);
        }

        /** Waits this long before every response's status line; for benchmarks. */
        public Config firstByteDelay(Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("delay must be zero or positive");
            }
            return new Config(port, syntheticRecordings, longRecordings, mediaProtected,
                    legacyJson, d, mediaBytesPerSecond);
        }

        /**
         * Sends recordings' audio at most this fast, as a space far away does over an
         * office network; 0, the default, as fast as loopback goes. For benchmarks.
         */
        public Config mediaBytesPerSecond(long rate) {
            if (rate < 0) {
                throw new IllegalArgumentException("rate must be zero or positive");
            }
            return new Config(port, syntheticRecordings, longRecordings, mediaProtected,
                    legacyJson, firstByteDelay, rate);
        }
    }
}
