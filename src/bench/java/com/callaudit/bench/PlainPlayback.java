package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.callaudit.media.FetchProgress;
import com.callaudit.media.MediaRelay;
import com.callaudit.media.RelayedMedia;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

/**
 * Plays through a fresh {@link MediaRelay} (started before the clock, as the app starts
 * its relay once) and a plain {@link MediaPlayer} on its local address; or, with
 * {@link #playFile}, a local file with no relay at all, for floors.
 */
final class PlainPlayback implements Playback {

    @Override
    public PlayingRecording play(URI mediaUrl, MediaFormat format, SpaceAddress space,
            Credentials credentials) throws Exception {
        FxThread.start();
        MediaRelay relay = MediaRelay.start();
        try {
            long started = System.nanoTime();
            RelayedMedia media = relay.register(mediaUrl, format, space, credentials);
            TimedPlayer player = TimedPlayer.open(media.localUri(), started);
            return new Playing(relay, media, player);
        } catch (Exception | Error e) {
            relay.close();
            throw e;
        }
    }

    /** The same measurements on a file on disk, opened by MediaPlayer directly. */
    static PlayingRecording playFile(URI file) throws Exception {
        FxThread.start();
        long started = System.nanoTime();
        return new Playing(null, null, TimedPlayer.open(file, started));
    }

    @Override
    public String describe() {
        return "MediaRelay + plain MediaPlayer";
    }

    private record Playing(MediaRelay relay, RelayedMedia media, TimedPlayer player)
            implements PlayingRecording {

        @Override
        public double millisToFirstAudio() {
            return player.millisToFirstAudio;
        }

        @Override
        public double seek(double seconds) throws Exception {
            return player.seek(seconds);
        }

        @Override
        public void awaitFetched() throws Exception {
            if (media != null) {
                FetchProgress done = media.finished().get(120, TimeUnit.SECONDS);
                if (done.state() != FetchProgress.State.COMPLETE) {
                    throw new IllegalStateException("fetch ended " + done.state());
                }
            }
        }

        @Override
        public void close() throws Exception {
            FxThread.run(player.player::dispose);
            if (relay != null) {
                relay.close();
            }
        }
    }

    /** A MediaPlayer that notes when audio first came and when a seek arrived. */
    private static final class TimedPlayer {
        private MediaPlayer player;
        private double millisToFirstAudio;

        static TimedPlayer open(URI uri, long started) throws Exception {
            TimedPlayer timed = new TimedPlayer();
            CompletableFuture<Long> audio = new CompletableFuture<>();
            FxThread.run(() -> timed.create(uri, audio));
            try {
                timed.millisToFirstAudio = (audio.get(60, TimeUnit.SECONDS) - started) / 1e6;
            } catch (Exception e) {
                FxThread.run(timed.player::dispose);
                throw e;
            }
            return timed;
        }

        private void create(URI uri, CompletableFuture<Long> audio) {
            Media media = new Media(uri.toString());
            media.setOnError(() -> audio.completeExceptionally(media.getError()));
            player = new MediaPlayer(media);
            player.setOnError(() -> audio.completeExceptionally(player.getError()));
            // The null device is not paced: loop, so a long seek series never ends it.
            player.setCycleCount(MediaPlayer.INDEFINITE);
            player.setAutoPlay(true);
            player.currentTimeProperty().addListener((obs, was, now) -> {
                long at = System.nanoTime();
                if (!audio.isDone() && player.getStatus() == MediaPlayer.Status.PLAYING
                        && now.greaterThan(Duration.ZERO)) {
                    audio.complete(at);
                }
            });
        }

        // The null audio device is not paced (an hour of WAV plays in well under a
        // second), so a seek while playing cannot be told from the play head running
        // on. The player is paused first; the clock runs from seek() until a pulse
        // reads the time at the target, then playing resumes.
        // A pause can be lost while the player is busy; it is asked for again.
        private boolean pause() throws Exception {
            for (int attempt = 0; attempt < 3; attempt++) {
                FxThread.run(player::pause);
                try {
                    FxThread.await(() -> player.getStatus() == MediaPlayer.Status.PAUSED,
                            3, "pausing");
                    return true;
                } catch (IllegalStateException notYet) {
                    FxThread.run(player::play);
                }
            }
            return false;
        }

        double seek(double seconds) throws Exception {
            if (!pause()) {
                return Double.NaN;
            }
            return PausedSeek.time(seconds * 1000,
                    millis -> player.seek(Duration.millis(millis)),
                    () -> player.getCurrentTime().toMillis(), player::play);
        }
    }
}
