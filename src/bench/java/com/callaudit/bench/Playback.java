package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.callaudit.app.CallAuditApp;
import java.net.URI;
import java.util.List;

/**
 * How figures 5, 6 and 7 make a recording play: {@link UiPlayback} selects the row in
 * the real window and waits on the app's player; {@link PlainPlayback} is the app's
 * {@code MediaRelay} and a plain {@code MediaPlayer}, what the player sits on, kept to
 * tell the player's own cost from the relay's. {@link #choose()} picks one.
 */
interface Playback {

    /**
     * Starts the clock, then plays the recording from its start as a user's selection
     * would, and returns once the player is PLAYING with its time past zero.
     */
    PlayingRecording play(URI mediaUrl, MediaFormat format, SpaceAddress space,
            Credentials credentials) throws Exception;

    /** What the table's rows then stand for, in a few words. */
    String describe();

    /** Where the clock of figure 5 starts, and what is fresh per run. */
    default String clockStart() {
        return "fresh relay per run, register";
    }

    /**
     * The same playback in a window that is already open and signed in (figure 7);
     * the recording is then picked by its SID from that window's list.
     */
    default Playback inWindow(CallAuditApp app) {
        return this;
    }

    /**
     * The playback the figures use: {@code -Dcallaudit.bench.playback=ui} (the
     * default) or {@code plain}.
     */
    static Playback choose() {
        String wanted = System.getProperty("callaudit.bench.playback", "ui").strip();
        return switch (wanted) {
            case "ui", "" -> new UiPlayback();
            case "plain" -> new PlainPlayback();
            default -> throw new IllegalArgumentException("no playback \"" + wanted
                    + "\": choose ui or plain");
        };
    }

    /** What the run could not measure through the player UI, for the results file. */
    static List<String> remarks() {
        if (choose() instanceof UiPlayback) {
            return List.of();
        }
        return List.of("Figures 5, 6 and 7 played through `MediaRelay` and a plain "
                + "`MediaPlayer` (class `PlainPlayback`, chosen with "
                + "`-Dcallaudit.bench.playback=plain`), not the player UI: selection → "
                + "first audio starts at `register`, not at a selected row, and the "
                + "sampler of figure 7 sees the table but not the player's controls.");
    }

    /** A recording that is playing; close it to dispose of its player and fetch. */
    interface PlayingRecording extends AutoCloseable {

        /** Milliseconds from the start of {@link Playback#play} to audio. */
        double millisToFirstAudio();

        /**
         * Milliseconds from the moment the player began loading to audio; NaN when
         * that is the start of {@link Playback#play} itself.
         */
        default double millisFromLoadStart() {
            return Double.NaN;
        }

        /**
         * Seeks while playing and returns the milliseconds until the player's time is
         * at the target; NaN when it never got there (two tries of 5 s).
         */
        double seek(double seconds) throws Exception;

        /** Waits until the whole recording is fetched, so seeks stay inside it. */
        void awaitFetched() throws Exception;
    }
}
