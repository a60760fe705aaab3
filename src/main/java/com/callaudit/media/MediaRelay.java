package com.callaudit.media;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server on 127.0.0.1 that hands recordings from a SignalWire space to
 * JavaFX's MediaPlayer.
 *
 * <p>MediaPlayer cannot send credentials, follow the app's redirect rules or play
 * telephony WAV encodings, so it opens a local address instead: the relay fetches the
 * recording (with credentials only if the space asks, and only to the space's own
 * origin), checks and converts it on the way, stores it in a session cache on disk, and
 * serves HEAD and byte ranges from there while the fetch goes on. Every local address
 * starts with a random per-run prefix, so other programs on the machine cannot guess one.
 *
 * <p>Thread-safe. {@link #register} returns at once; fetching runs on the relay's own
 * threads. {@link #close()} stops the server, aborts fetches and deletes the cache.
 */
public final class MediaRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaRelay.class);
    private static final int PREFIX_BYTES = 16;
    private static final int FETCH_THREADS = 4;
    private static final int SERVER_THREADS = 16;
    private static final Pattern UNSAFE_IN_PATH = Pattern.compile("[^A-Za-z0-9_-]");

    private final Settings settings;
    private final SessionCache cache;
    private final SpaceMediaClient client;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final ExecutorService fetchThreads;
    private final String prefix;
    private final URI base;
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean closed;

    /** How the relay behaves; {@link #defaults()} suits the app. */
    public record Settings(long cacheLimitBytes, Duration connectTimeout,
            Duration responseTimeout, Duration readerWait) {

        /** 1 GiB of cache, 10 s to connect, 30 s for the space or a player to wait. */
        public static Settings defaults() {
            return new Settings(1L << 30, Duration.ofSeconds(10),
                    Duration.ofSeconds(30), Duration.ofSeconds(30));
        }

        /** The same settings with another cache bound, in bytes. */
        public Settings withCacheLimit(long bytes) {
            return new Settings(bytes, connectTimeout, responseTimeout, readerWait);
        }

        /** The same settings with other waits for the space. */
        public Settings withTimeouts(Duration connect, Duration response) {
            return new Settings(cacheLimitBytes, connect, response, readerWait);
        }

        /** The same settings with another limit on how long a player waits for bytes. */
        public Settings withReaderWait(Duration wait) {
            return new Settings(cacheLimitBytes, connectTimeout, responseTimeout, wait);
        }
    }

    private MediaRelay(Settings settings) throws IOException {
        this.settings = settings;
        this.cache = new SessionCache(settings.cacheLimitBytes());
        this.client = new SpaceMediaClient(
                settings.connectTimeout(), settings.responseTimeout());
        this.prefix = randomPrefix();
        this.serverThreads = Executors.newFixedThreadPool(
                SERVER_THREADS, daemonThreads("media-relay-"));
        this.fetchThreads = Executors.newFixedThreadPool(
                FETCH_THREADS, daemonThreads("media-fetch-"));
        InetSocketAddress loopback =
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        this.server = HttpServer.create(loopback, 0);
        server.createContext("/", new RelayHandler(cache, settings.readerWait()));
        server.setExecutor(serverThreads);
        server.start();
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a relay with the default settings. */
    public static MediaRelay start() throws IOException {
        return start(Settings.defaults());
    }

    /**
     * Starts a relay on an ephemeral port of 127.0.0.1.
     *
     * @throws IOException if the server or the cache folder cannot be created
     */
    public static MediaRelay start(Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        MediaRelay relay = new MediaRelay(settings);
        LOG.info("media relay listening on port {}, cache limit {}",
                relay.base.getPort(),
                RecordingDownload.HumanSize.of(settings.cacheLimitBytes()));
        return relay;
    }

    /**
     * Makes a recording's media playable through this relay and starts fetching it, or
     * returns the media already registered for the same URL and format while that is
     * still fetching or complete.
     *
     * @param mediaUrl the space's media URL, e.g. {@code .../Recordings/RE123.wav};
     *     https, or http on loopback
     * @param format the format {@code mediaUrl} is expected to deliver
     * @param space the space the recording belongs to; credentials go to its origin only
     * @param credentials sent only if the space answers 401 or 403; may be null
     * @throws IllegalArgumentException if the URL is not https (nor loopback http)
     * @throws IllegalStateException once the relay is closed
     */
    public RelayedMedia register(URI mediaUrl, MediaFormat format, SpaceAddress space,
            Credentials credentials) {
        Objects.requireNonNull(mediaUrl, "mediaUrl");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(space, "space");
        checkFetchable(mediaUrl);
        String key = format + " " + withoutFragment(mediaUrl);
        synchronized (cache) {
            if (closed) {
                throw new IllegalStateException("The media relay is closed.");
            }
            RelayedMedia known = cache.find(key);
            if (known != null) {
                known.touch();
                LOG.info("relay reuses recording {} {} ({})", known.recordingSid(),
                        format.extension(), known.progress().state());
                return known;
            }
            RelayedMedia media = newMedia(recordingSid(mediaUrl), format);
            cache.add(key, media);
            fetchThreads.execute(new RecordingDownload(
                    media, mediaUrl, space, credentials, client, cache));
            return media;
        }
    }

    /** Bytes the session cache holds now. */
    public long cachedBytes() {
        return cache.storedBytes();
    }

    /** The session's cache folder; for tests. */
    java.nio.file.Path cacheFolder() {
        return cache.folder();
    }

    /** The settings this relay was started with. */
    public Settings settings() {
        return settings;
    }

    /** Stops serving, aborts fetches still running and deletes the cache folder. */
    @Override
    public void close() {
        synchronized (cache) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (RelayedMedia media : cache.all()) {
            media.cancel();
        }
        server.stop(0);
        serverThreads.shutdownNow();
        fetchThreads.shutdownNow();
        try {
            fetchThreads.awaitTermination(5, TimeUnit.SECONDS);
            client.close();
            cache.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("media cache folder {} not fully deleted: {}",
                    cache.folder(), e.toString());
        }
        LOG.info("media relay stopped");
    }

    private RelayedMedia newMedia(String sid, MediaFormat format) {
        long id = nextId.getAndIncrement();
        String path = "/" + prefix + "/" + id + "/" + sid + format.extension();
        return new RelayedMedia(sid, format, base.resolve(path), path,
                cache.folder().resolve(id + "-" + sid + format.extension()));
    }

    private static void checkFetchable(URI mediaUrl) {
        String scheme = mediaUrl.getScheme() == null
                ? "" : mediaUrl.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LoopbackHost.is(mediaUrl.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException(
                    "Recordings are fetched over https only; got " + scheme + ".");
        }
    }

    /** The last path segment without its extension, safe for a path and a log line. */
    static String recordingSid(URI mediaUrl) {
        String path = mediaUrl.getPath() == null ? "" : mediaUrl.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        String bare = dot > 0 ? last.substring(0, dot) : last;
        String safe = UNSAFE_IN_PATH.matcher(bare).replaceAll("");
        if (safe.isEmpty()) {
            return "recording";
        }
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }

    private static String withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static String randomPrefix() {
        byte[] bytes = new byte[PREFIX_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
