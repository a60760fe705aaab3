package com.callaudit.ui.player;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingsClient;
import com.callaudit.app.BackgroundWork;
import com.callaudit.media.FetchProgress;
import com.callaudit.media.HaltedPlayers;
import com.callaudit.media.MediaRelay;
import com.callaudit.media.RelayedMedia;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Task;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player: one recording at a time, fetched through the media relay, with the
 * controls an auditor uses all day (play, pause, seek, jumps, speed, volume, which leg
 * of a dual-channel call to hear).
 *
 * <p>Exactly one MediaPlayer lives at a time: the previous one is unbound and its
 * download cancelled when the next recording loads, and it is stopped and disposed on
 * the media thread before the next player is made there. When the chosen format cannot
 * be played (no MP3 decoder on this computer, a broken file), the other format is tried
 * once and {@link #noticeProperty()} says so. Touch it from the FX thread only; media
 * objects are made and disposed on a background thread.
 */
public final class PlayerModel {

    /** The speeds offered, slowest first. */
    public static final double[] SPEEDS = {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};

    private static final Logger LOG = LoggerFactory.getLogger(PlayerModel.class);
    // How long a control waits, on the media thread, for the status it leads to.
    private static final java.time.Duration CONTROL_SETTLE = java.time.Duration.ofSeconds(1);
    private static final String NO_SOUND_DEVICE = "No sound device could be opened, so"
            + " nothing can be heard. Connect speakers or a headset, then press Play to try"
            + " again; Save audio as… works without one.";

    private final ReadOnlyObjectWrapper<PlaybackStatus> status =
            new ReadOnlyObjectWrapper<>(PlaybackStatus.EMPTY);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MediaFormat> playingFormat =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.net.URI> playerUri = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper currentMillis = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper totalMillis = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper buffered = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1.0);
    private final ReadOnlyBooleanWrapper dualChannel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mp3Available = new ReadOnlyBooleanWrapper(true);
    private final DoubleProperty volume = new SimpleDoubleProperty(1.0);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final ObjectProperty<ChannelChoice> channel =
            new SimpleObjectProperty<>(ChannelChoice.BOTH);
    private final ObjectProperty<MediaFormat> preferredFormat =
            new SimpleObjectProperty<>(MediaFormat.WAV);

    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper saveProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper("");
    // Set when a player could not open the sound device; until one opens it again, a
    // player is made only when the user presses Play, as each try leaves a halted one.
    private final ReadOnlyBooleanWrapper soundDeviceMissing = new ReadOnlyBooleanWrapper();

    private final BackgroundWork work;
    private MediaRelay relay;
    private RecordingsClient client;
    private Attempt current;
    // The last word on playing: true after play(), false after pause or stop, at the
    // end of a recording, on a failure and on a new load. A player made meanwhile starts
    // playing when it is true.
    private boolean playRequested;
    private boolean endedByMedia;
    private int playersCreated;
    private int playersDisposed;

    /** A player that plays nothing until {@link #connect} names the relay and space. */
    public PlayerModel(BackgroundWork work) {
        this.work = work;
        volume.addListener((obs, was, now) -> withPlayer(p -> p.setVolume(now.doubleValue())));
        muted.addListener((obs, was, now) -> withPlayer(p -> p.setMute(now)));
        channel.addListener((obs, was, now) -> withPlayer(p -> p.setBalance(balance())));
    }

    public ReadOnlyObjectProperty<PlaybackStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the recording cannot be played, in plain words; empty when it can. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** Something worth knowing, such as a switch to the other format. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** The format being played, which may differ from the preferred one after a fallback. */
    public ReadOnlyObjectProperty<MediaFormat> playingFormatProperty() {
        return playingFormat.getReadOnlyProperty();
    }

    /** The local relay address MediaPlayer opens; it never carries credentials. */
    public ReadOnlyObjectProperty<java.net.URI> playerUriProperty() {
        return playerUri.getReadOnlyProperty();
    }

    /** Position in milliseconds. */
    public ReadOnlyDoubleProperty currentMillisProperty() {
        return currentMillis.getReadOnlyProperty();
    }

    /** Length in milliseconds: the player's once known, else the recording's metadata. */
    public ReadOnlyDoubleProperty totalMillisProperty() {
        return totalMillis.getReadOnlyProperty();
    }

    /** Share of the recording fetched so far, 0 to 1. */
    public ReadOnlyDoubleProperty bufferedProperty() {
        return buffered.getReadOnlyProperty();
    }

    /** Playback speed, one of {@link #SPEEDS}. */
    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** Whether the loaded recording has two channels, one per leg. */
    public ReadOnlyBooleanProperty dualChannelProperty() {
        return dualChannel.getReadOnlyProperty();
    }

    /** False once the probe found that this computer cannot play MP3. */
    public ReadOnlyBooleanProperty mp3AvailableProperty() {
        return mp3Available.getReadOnlyProperty();
    }

    /** Volume from 0 to 1. */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public ObjectProperty<ChannelChoice> channelProperty() {
        return channel;
    }

    /** The format to fetch first; the other is the fallback. */
    public ObjectProperty<MediaFormat> preferredFormatProperty() {
        return preferredFormat;
    }

    /** True while "Save audio as…" writes a file. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Progress of the save under way, 0 to 1, or -1 while its size is unknown. */
    public ReadOnlyDoubleProperty saveProgressProperty() {
        return saveProgress.getReadOnlyProperty();
    }

    /** How the last save went ("Saved to …" or why it failed). */
    public ReadOnlyStringProperty saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    /** The format "Save audio as…" writes: the one playing, else the preferred one. */
    public MediaFormat formatToSave() {
        return playingFormat.get() != null ? playingFormat.get() : preferredFormat.get();
    }

    /**
     * Writes the loaded recording to {@code target} in {@link #formatToSave()}, with
     * progress, atomically. Does nothing when no playable recording is loaded.
     */
    public void saveAs(java.nio.file.Path target) {
        Recording loaded = recording.get();
        if (loaded == null || whyUnplayable(loaded) != null || saving.get()) {
            return;
        }
        MediaFormat format = formatToSave();
        // A save shares the relay's download with the player, so selecting another
        // recording while a long save runs cancels it; the message then says so.
        RelayedMedia media = relay.register(client().mediaUri(loaded.sid(), format), format,
                client().space(), client().credentials());
        SaveAudioTask task = new SaveAudioTask(media, target);
        saving.set(true);
        saveMessage.set("");
        saveProgress.bind(task.progressProperty());
        task.setOnSucceeded(event -> finishSave("Saved to " + target + "."));
        task.setOnFailed(event -> finishSave("Could not save the audio: "
                + task.getException().getMessage()));
        work.start(task);
    }

    private void finishSave(String message) {
        saveProgress.unbind();
        saving.set(false);
        saveMessage.set(message);
    }

    /** Plays recordings of this space through this relay; call once, before a load. */
    public void connect(MediaRelay through, RecordingsClient space) {
        if (client != null) {
            throw new IllegalStateException("already plays from " + client.space());
        }
        relay = through;
        client = space;
    }

    // The space's client; sign-in connects it before anything is asked of the space.
    private RecordingsClient client() {
        if (client == null) {
            throw new IllegalStateException("not connected to a space yet");
        }
        return client;
    }

    /** Records what the playability probe found, so MP3 is not tried where it cannot play. */
    public void setMp3Available(boolean available) {
        mp3Available.set(available);
    }

    /**
     * Records that the sound device could not be opened, as the playability probe found:
     * players are then made only when the user presses Play.
     */
    public void setSoundDeviceMissing() {
        soundDeviceMissing.set(true);
    }

    /** True from a failure to open the sound device until a player opens it. */
    public ReadOnlyBooleanProperty soundDeviceMissingProperty() {
        return soundDeviceMissing.getReadOnlyProperty();
    }

    /** Players made and let go so far; for tests that prove none is left behind. */
    public int livePlayers() {
        return playersCreated - playersDisposed;
    }

    /** Loads a recording, ready to play; null empties the player. */
    public void load(Recording next) {
        release();
        playRequested = false;
        endedByMedia = false;
        recording.set(next);
        notice.set("");
        reason.set("");
        if (!saving.get()) {
            saveMessage.set("");
        }
        currentMillis.set(0);
        buffered.set(0);
        dualChannel.set(next != null && next.channels() == 2);
        totalMillis.set(next == null ? 0 : Math.max(0, next.durationSeconds()) * 1000.0);
        if (next == null) {
            status.set(PlaybackStatus.EMPTY);
            return;
        }
        String unplayable = whyUnplayable(next);
        if (unplayable != null) {
            reason.set(unplayable);
            status.set(PlaybackStatus.UNAVAILABLE);
            return;
        }
        if (soundDeviceMissing.get()) {
            reason.set(NO_SOUND_DEVICE);
            status.set(PlaybackStatus.NO_SOUND_DEVICE);
            return;
        }
        start(firstFormat(), true);
    }

    private MediaFormat firstFormat() {
        MediaFormat first = preferredFormat.get();
        if (first == MediaFormat.MP3 && !mp3Available.get()) {
            notice.set("MP3 cannot be played on this computer, so CallAudit plays WAV.");
            first = MediaFormat.WAV;
        }
        return first;
    }

    /**
     * Plays, or resumes; from the start again after the end; tries the sound device again
     * when it could not be opened.
     */
    public void play() {
        PlaybackStatus now = status.get();
        if (now == PlaybackStatus.NO_SOUND_DEVICE) {
            reason.set("");
            playRequested = true;
            start(firstFormat(), true);
            return;
        }
        if (now == PlaybackStatus.EMPTY || now == PlaybackStatus.UNAVAILABLE
                || now == PlaybackStatus.FAILED) {
            return;
        }
        playRequested = true;
        if (current == null || current.player == null) {
            return;
        }
        endedByMedia = false;
        control(MediaPlayer::play, MediaPlayer.Status.PLAYING);
    }

    public void pause() {
        playRequested = false;
        control(MediaPlayer::pause, MediaPlayer.Status.PAUSED);
    }

    /**
     * Space bar: pause when play was the last thing asked for, else play. It goes by what
     * was asked rather than by the player's status, which the player reports a moment
     * later, so that two quick presses end where they began.
     */
    public void togglePlay() {
        if (playRequested) {
            pause();
        } else {
            play();
        }
    }

    /** Stops and goes back to the start. */
    public void stop() {
        playRequested = false;
        endedByMedia = false;
        if (status.get() == PlaybackStatus.ENDED) {
            status.set(PlaybackStatus.STOPPED);
        }
        control(MediaPlayer::stop, MediaPlayer.Status.STOPPED);
        currentMillis.set(0);
    }

    /** Moves to a position in milliseconds, kept within the recording. */
    public void seek(double millis) {
        if (!hasAudio()) {
            return;
        }
        double target = Math.max(0, Math.min(millis, Math.max(0, totalMillis.get() - 1)));
        currentMillis.set(target);
        control(p -> p.seek(Duration.millis(target)), null);
    }

    /** Jumps forward (positive) or back (negative) by whole seconds. */
    public void jump(int seconds) {
        seek(currentMillis.get() + seconds * 1000.0);
    }

    /**
     * Where the player itself says it is, asked now, in milliseconds; -1 without a
     * player. {@link #currentMillisProperty()} moves at once on a seek; this does not.
     */
    public double playerPositionMillis() {
        if (current == null || current.player == null) {
            return -1;
        }
        return current.player.getCurrentTime().toMillis();
    }

    /** One step faster, up to 2×. */
    public void faster() {
        setRate(stepFrom(rate.get(), +1));
    }

    /** One step slower, down to 0.5×. */
    public void slower() {
        setRate(stepFrom(rate.get(), -1));
    }

    /**
     * Lets go of the player, which the media thread then stops and disposes, and cancels
     * its download; for window close.
     */
    public void close() {
        load(null);
    }

    private void setRate(double newRate) {
        rate.set(newRate);
        withPlayer(p -> p.setRate(newRate));
    }

    private static double stepFrom(double now, int direction) {
        int index = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            if (Math.abs(SPEEDS[i] - now) < 1e-6) {
                index = i;
            }
        }
        return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index + direction))];
    }

    // Whether a recording is loaded that a player can play or is getting ready to play;
    // the keys that move the position do nothing otherwise, as the controls are off.
    private boolean hasAudio() {
        return switch (status.get()) {
            case EMPTY, UNAVAILABLE, FAILED, NO_SOUND_DEVICE -> false;
            default -> true;
        };
    }

    private static String whyUnplayable(Recording recording) {
        if (!recording.isCompleted()) {
            String state = recording.status().isEmpty() ? "not finished"
                    : recording.status().toLowerCase(Locale.ROOT);
            return "This recording is " + state + ", so there is no audio to play yet"
                    + (state.equals("absent") ? " (no audio was captured)." : ".");
        }
        if (recording.durationSeconds() == 0) {
            return "This recording lasts 0 seconds: there is nothing to play.";
        }
        return null;
    }

    private void start(MediaFormat format, boolean fallbackAllowed) {
        Recording target = recording.get();
        RelayedMedia media = relay.register(client().mediaUri(target.sid(), format), format,
                client().space(), client().credentials());
        Attempt attempt = new Attempt(target, format, media, fallbackAllowed);
        current = attempt;
        playingFormat.set(format);
        playerUri.set(media.localUri());
        status.set(PlaybackStatus.LOADING);
        media.addProgressListener(attempt.progressListener);
        attempt.onProgress(media.progress());
        work.startMedia(new OpenPlayer(attempt));
    }

    private void attach(Attempt attempt, MediaPlayer player) {
        attempt.player = player;
        playersCreated++;
        player.setVolume(volume.get());
        player.setMute(muted.get());
        player.setRate(rate.get());
        player.setBalance(balance());
        ChangeListener<MediaPlayer.Status> onStatus = (obs, was, now) -> {
            attempt.reported = now;
            if (attempt == current) {
                onPlayerStatus(now);
            }
        };
        ChangeListener<Duration> onTime = (obs, was, now) -> {
            if (attempt == current) {
                currentMillis.set(now.toMillis());
            }
        };
        ChangeListener<Duration> onTotal = (obs, was, now) -> {
            if (attempt == current && now != null && !now.isUnknown()
                    && now.toMillis() > 0 && Double.isFinite(now.toMillis())) {
                totalMillis.set(now.toMillis());
            }
        };
        // JavaFX's player can trip inside its own ready step and stay UNKNOWN though it
        // is ready; the media's duration, set earlier in that step, tells a moment later.
        ChangeListener<Duration> onMediaDuration = (obs, was, now) ->
                Platform.runLater(() -> readyWithoutSaying(attempt, player));
        player.statusProperty().addListener(onStatus);
        player.currentTimeProperty().addListener(onTime);
        player.totalDurationProperty().addListener(onTotal);
        player.getMedia().durationProperty().addListener(onMediaDuration);
        attempt.detach = () -> {
            player.statusProperty().removeListener(onStatus);
            player.currentTimeProperty().removeListener(onTime);
            player.totalDurationProperty().removeListener(onTotal);
            player.getMedia().durationProperty().removeListener(onMediaDuration);
            player.setOnError(null);
            player.setOnEndOfMedia(null);
        };
        // At its end a MediaPlayer ignores play() until stopped, so it is stopped (back
        // to the start) while the controls say it ended.
        player.setOnEndOfMedia(() -> {
            if (attempt == current) {
                endedByMedia = true;
                playRequested = false;
                control(MediaPlayer::stop, MediaPlayer.Status.STOPPED);
                status.set(PlaybackStatus.ENDED);
            }
        });
        player.setOnError(() -> {
            MediaException error = player.getError();
            if (HaltedPlayers.isNoSoundDevice(error)) {
                noSoundDevice(attempt);
            } else {
                failed(attempt, player.getError() == null ? "unknown error"
                        : player.getError().getMessage());
            }
        });
        onPlayerStatus(player.getStatus());
        if (playRequested) {
            control(MediaPlayer::play, MediaPlayer.Status.PLAYING);
        }
    }

    private void readyWithoutSaying(Attempt attempt, MediaPlayer player) {
        Duration known = player.getMedia().getDuration();
        MediaPlayer.Status said = player.getStatus();
        boolean silent = said == null || said == MediaPlayer.Status.UNKNOWN;
        if (attempt == current && silent && known != null && !known.isUnknown()) {
            LOG.info("Player for recording {} is ready without saying so; going on",
                    attempt.recording.sid());
            onPlayerStatus(MediaPlayer.Status.READY);
        }
    }

    private void onPlayerStatus(MediaPlayer.Status now) {
        if (now == null) {
            return;
        }
        // Only playing proves the device open: a player without one can look ready for
        // a moment (see readyWithoutSaying) before it halts.
        if (now == MediaPlayer.Status.PLAYING) {
            soundDeviceMissing.set(false);
        }
        switch (now) {
            case READY -> status.set(PlaybackStatus.READY);
            case PLAYING -> status.set(PlaybackStatus.PLAYING);
            case PAUSED -> status.set(PlaybackStatus.PAUSED);
            case STOPPED -> status.set(endedByMedia ? PlaybackStatus.ENDED
                    : PlaybackStatus.STOPPED);
            case STALLED -> status.set(PlaybackStatus.LOADING);
            default -> { }
        }
    }

    // The other format would meet the same missing device, so none is tried; the media
    // thread keeps the halted player rather than dispose it, and lets its fetch finish.
    private void noSoundDevice(Attempt attempt) {
        if (attempt != current) {
            return;
        }
        LOG.warn("No sound device: recording {} {} cannot be heard", attempt.recording.sid(),
                attempt.format.extension());
        soundDeviceMissing.set(true);
        playRequested = false;
        release();
        notice.set("");
        reason.set(NO_SOUND_DEVICE);
        status.set(PlaybackStatus.NO_SOUND_DEVICE);
    }

    private void failed(Attempt attempt, String why) {
        if (attempt != current) {
            return;
        }
        LOG.warn("Playback of recording {} {} failed: {}", attempt.recording.sid(),
                attempt.format.extension(), why);
        boolean wasPlayRequested = playRequested || status.get() == PlaybackStatus.PLAYING;
        release();
        MediaFormat other = attempt.format.other();
        boolean otherPossible = other != MediaFormat.MP3 || mp3Available.get();
        if (attempt.fallbackAllowed && otherPossible) {
            notice.set(attempt.format.name() + " could not be played (" + why
                    + "); playing " + other.name() + " instead.");
            playRequested = wasPlayRequested;
            start(other, false);
            return;
        }
        playRequested = false;
        reason.set(attempt.fallbackAllowed ? "This recording cannot be played: " + why
                : "Neither WAV nor MP3 could be played. " + why);
        status.set(PlaybackStatus.FAILED);
    }

    private void release() {
        Attempt old = current;
        current = null;
        if (old == null) {
            return;
        }
        old.media.removeProgressListener(old.progressListener);
        old.released = true;
        // A download is cancelled only once no player reads it: a player that reads a
        // cut stream while it halts is what crashes JavaFX (see HaltedPlayers).
        if (old.player != null) {
            dispose(old);
        } else if (!old.opening) {
            old.media.cancel();
        }
        playingFormat.set(null);
        playerUri.set(null);
    }

    // Stopping and disposing can hold the calling thread for a third of a second while
    // the sound device lets go, so both happen on the media thread, once the player's
    // listeners are gone.
    private void dispose(Attempt old) {
        old.detach.run();
        work.disposeMedia(old.player, old.media::cancel, () -> playersDisposed++);
    }

    private double balance() {
        return dualChannel.get() ? channel.get().balance() : 0;
    }

    private void withPlayer(Consumer<MediaPlayer> action) {
        if (current != null && current.player != null) {
            action.accept(current.player);
        }
    }

    // Play, pause, stop and seek wait in JavaFX's native code until the sound device has
    // done as told (a pause held the FX thread for tens of milliseconds), so they run on
    // the media thread, in the order given; the player reports its new status back on
    // the FX thread. Each waits there, briefly, until the player reports the status it
    // leads to, as JavaFX drops a play that comes while a pause is still under way. One
    // asked for after the player was let go is dropped.
    private void control(Consumer<MediaPlayer> action, MediaPlayer.Status leadsTo) {
        if (current == null || current.player == null) {
            return;
        }
        Attempt attempt = current;
        MediaPlayer player = attempt.player;
        work.controlMedia(() -> {
            if (attempt.released) {
                return;
            }
            action.accept(player);
            long deadline = System.nanoTime() + CONTROL_SETTLE.toNanos();
            while (leadsTo != null && attempt.reported != leadsTo && !attempt.released
                    && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** One try at playing one format of one recording. */
    private final class Attempt {
        final Recording recording;
        final MediaFormat format;
        final RelayedMedia media;
        final boolean fallbackAllowed;
        final Consumer<FetchProgress> progressListener;
        // The latest progress not yet taken by the FX thread: a fast fetch reports
        // every 64 KiB, and one update of the bar per FX turn is all anyone sees.
        private final AtomicReference<FetchProgress> untaken = new AtomicReference<>();
        MediaPlayer player;
        // The player's last reported status, for the media thread to wait on.
        volatile MediaPlayer.Status reported;
        // Set on the FX thread when this try is let go; read on the media thread, where
        // controls asked for before then still run and later ones are dropped.
        volatile boolean released;
        // True while the media thread makes the player.
        boolean opening = true;
        // Takes this model's listeners off the player; set once the player is attached.
        Runnable detach = () -> { };

        Attempt(Recording recording, MediaFormat format, RelayedMedia media,
                boolean fallbackAllowed) {
            this.recording = recording;
            this.format = format;
            this.media = media;
            this.fallbackAllowed = fallbackAllowed;
            this.progressListener = progress -> {
                if (untaken.getAndSet(progress) == null) {
                    Platform.runLater(() -> onProgress(untaken.getAndSet(null)));
                }
            };
        }

        // The relay knows of a failed fetch at once; MediaPlayer would take seconds of
        // its own retries to say so.
        void onProgress(FetchProgress progress) {
            if (this != current) {
                return;
            }
            double fraction = progress.fraction();
            buffered.set(fraction < 0 ? 0 : fraction);
            if (progress.state() == FetchProgress.State.FAILED) {
                failed(this, progress.failureReason());
            }
        }
    }

    /** Builds the Media and its player off the FX thread: Media opens its URL at once. */
    private final class OpenPlayer extends Task<MediaPlayer> {
        private final Attempt attempt;

        OpenPlayer(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        protected MediaPlayer call() {
            return new MediaPlayer(new Media(attempt.media.localUri().toString()));
        }

        @Override
        protected void succeeded() {
            attempt.opening = false;
            MediaPlayer player = getValue();
            if (attempt == current) {
                attach(attempt, player);
            } else {
                // Superseded while it was made: no listener of ours is on it yet.
                playersCreated++;
                work.disposeMedia(player, attempt.media::cancel, () -> playersDisposed++);
            }
        }

        @Override
        protected void failed() {
            attempt.opening = false;
            if (attempt == current) {
                PlayerModel.this.failed(attempt, getException().getMessage());
            } else {
                attempt.media.cancel();
            }
        }

        @Override
        protected void cancelled() {
            attempt.opening = false;
            attempt.media.cancel();
        }
    }
}
