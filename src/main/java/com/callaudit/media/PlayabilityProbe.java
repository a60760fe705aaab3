package com.callaudit.media;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out which formats this machine can play, by playing a short bundled tone in each,
 * muted, through the same relay path recordings take, with a real MediaPlayer.
 *
 * <p>MP3 needs ffmpeg's libraries, which some systems lack; the app asks this probe
 * before offering MP3. {@link #run} blocks: call it off the FX thread, after the JavaFX
 * toolkit has started. Each format gets its own bounded wait.
 */
public final class PlayabilityProbe {

    private static final Logger LOG = LoggerFactory.getLogger(PlayabilityProbe.class);
    private static final String RESOURCE_NAME = "tone-probe";
    private static final int DISPOSE_WAIT_SECONDS = 5;
    private static final String PROBE_PATH =
            "/api/laml/2010-04-01/Accounts/probe/Recordings/" + RESOURCE_NAME;

    private final MediaRelay relay;
    private final Executor playerLane;

    /**
     * What one format did; {@code noSoundDevice} when its player could not open the sound
     * device, which says nothing of the format itself.
     */
    public record Result(MediaFormat format, boolean playable, String detail,
            boolean noSoundDevice) {

        public Result(MediaFormat format, boolean playable, String detail) {
            this(format, playable, detail, false);
        }

        /** One line for the self-test report. */
        public String describe() {
            return format + ": " + (playable ? "playable" : "not playable - " + detail);
        }
    }

    /** What every format did, in the order probed. */
    public record Report(List<Result> results) {

        public Report {
            results = List.copyOf(results);
        }

        /** Whether {@code format} played to its end. */
        public boolean isPlayable(MediaFormat format) {
            return results.stream()
                    .anyMatch(r -> r.format() == format && r.playable());
        }

        /** Whether a player could not open the sound device. */
        public boolean soundDeviceMissing() {
            return results.stream().anyMatch(Result::noSoundDevice);
        }

        /** One line per format, for {@code --self-test}. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Result result : results) {
                text.append(result.describe()).append(System.lineSeparator());
            }
            return text.toString();
        }
    }

    /** A probe whose players are made and disposed on the FX thread. */
    public PlayabilityProbe(MediaRelay relay) {
        this(relay, Platform::runLater);
    }

    /**
     * A probe whose players are made and disposed by {@code playerLane}: the app's own
     * lane for media players, so that no two players are made or torn down at once.
     */
    public PlayabilityProbe(MediaRelay relay, Executor playerLane) {
        this.relay = relay;
        this.playerLane = playerLane;
    }

    /**
     * Plays the tone in WAV, then in MP3; once one finds no sound device, the next is not
     * tried, as each try leaves a halted player behind (see {@link HaltedPlayers}).
     *
     * @param waitPerFormat how long one format may take before it counts as failed
     * @throws IllegalStateException on the FX thread, which the probe would block
     * @throws IOException if the local server that stands in for a space cannot start
     */
    public Report run(Duration waitPerFormat) throws IOException, InterruptedException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Run the playability probe off the FX thread.");
        }
        HttpServer space = startProbeSpace();
        try {
            SpaceAddress address = SpaceAddress.loopback(space.getAddress().getPort());
            List<Result> results = new ArrayList<>();
            for (MediaFormat format : MediaFormat.values()) {
                if (results.stream().anyMatch(Result::noSoundDevice)) {
                    results.add(new Result(format, false,
                            "not tried: no sound device could be opened", true));
                    continue;
                }
                URI url = address.resolve(PROBE_PATH + format.extension());
                RelayedMedia media = relay.register(url, format, address, null);
                Result result = play(media, waitPerFormat);
                LOG.info("playability probe: {}", result.describe());
                results.add(result);
            }
            return new Report(results);
        } finally {
            space.stop(0);
        }
    }

    private Result play(RelayedMedia media, Duration wait) throws InterruptedException {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        AtomicReference<MediaPlayer> player = new AtomicReference<>();
        AtomicBoolean noDevice = new AtomicBoolean();
        try {
            playerLane.execute(() -> open(media, outcome, player, noDevice));
        } catch (IllegalStateException e) {
            return new Result(media.format(), false, "JavaFX is not running.");
        } catch (RejectedExecutionException e) {
            return new Result(media.format(), false, "CallAudit is closing.");
        }
        try {
            String error = outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return error == null
                    ? new Result(media.format(), true, "played to the end")
                    : new Result(media.format(), false, error, noDevice.get());
        } catch (TimeoutException e) {
            String fetch = media.progress().failureReason();
            return new Result(media.format(), false, fetch != null ? fetch
                    : "did not play to its end within " + wait.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Result(media.format(), false, String.valueOf(e.getCause()));
        } finally {
            disposeAndWait(player, noDevice.get());
        }
    }

    // The next format's player is made only once this one is gone, on the lane it was
    // made on, after its making; a halted one is kept instead (see HaltedPlayers).
    private void disposeAndWait(AtomicReference<MediaPlayer> player, boolean halted)
            throws InterruptedException {
        CountDownLatch disposed = new CountDownLatch(1);
        try {
            playerLane.execute(() -> {
                try {
                    MediaPlayer opened = player.get();
                    if (opened != null && (halted
                            || opened.getStatus() == MediaPlayer.Status.HALTED)) {
                        HaltedPlayers.keep(opened);
                    } else if (opened != null) {
                        opened.dispose();
                    }
                } finally {
                    disposed.countDown();
                }
            });
        } catch (IllegalStateException | RejectedExecutionException notRunning) {
            return;
        }
        if (!disposed.await(DISPOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("playability probe: a test player took over {} s to close",
                    DISPOSE_WAIT_SECONDS);
        }
    }

    /** Runs on the player lane. */
    private static void open(RelayedMedia media, CompletableFuture<String> outcome,
            AtomicReference<MediaPlayer> player, AtomicBoolean noDevice) {
        try {
            Media tone = new Media(media.localUri().toString());
            tone.setOnError(() -> outcome.complete(explain(media, tone.getError())));
            MediaPlayer opened = new MediaPlayer(tone);
            // Muted, the tone still goes through the sound device, but nobody hears a
            // beep each time the app starts.
            opened.setMute(true);
            player.set(opened);
            Runnable stopped = () -> {
                noDevice.set(HaltedPlayers.isNoSoundDevice(opened.getError()));
                outcome.complete(explain(media, opened.getError()));
            };
            opened.setOnError(stopped);
            opened.setOnHalted(stopped);
            opened.setOnReady(opened::play);
            opened.setOnEndOfMedia(() -> outcome.complete(null));
        } catch (MediaException e) {
            outcome.complete(explain(media, e));
        }
    }

    private static String explain(RelayedMedia media, MediaException error) {
        String fetch = media.progress().failureReason();
        if (fetch != null) {
            return fetch;
        }
        String what = error == null ? "unknown media error"
                : error.getType() + " " + error.getMessage();
        if (media.format() == MediaFormat.MP3
                && error != null && error.getType() == MediaException.Type.MEDIA_UNSUPPORTED) {
            return what + " (JavaFX plays MP3 through ffmpeg's libavformat, version 56 to "
                    + "60; on Debian 12 install libavformat59)";
        }
        return what;
    }

    /** Serves the bundled tones where a space would serve recordings. */
    private static HttpServer startProbeSpace() throws IOException {
        InetSocketAddress loopback =
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        HttpServer server = HttpServer.create(loopback, 0);
        server.createContext(PROBE_PATH, exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String extension = path.substring(PROBE_PATH.length());
                byte[] tone = bundledTone(extension);
                if (tone == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type",
                        "application/octet-stream");
                exchange.sendResponseHeaders(200, tone.length);
                exchange.getResponseBody().write(tone);
            }
        });
        server.start();
        return server;
    }

    private static byte[] bundledTone(String extension) throws IOException {
        if (!extension.equals(".wav") && !extension.equals(".mp3")) {
            return null;
        }
        try (InputStream in = PlayabilityProbe.class
                .getResourceAsStream(RESOURCE_NAME + extension)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
