package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import java.net.URI;
import java.util.List;

/**
 * How figures 5, 6 and 7 make a recording play. Today that is {@link PlainPlayback}: the
 * app's {@code MediaRelay} and a plain {@code MediaPlayer}, which is what the player
 * will sit on. When the player UI exists, a second implementation selects the row in
 * the real window and waits on the player's own {@code MediaPlayer}; {@link #choose()}
 * picks it, and the figures do not change.
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

    /**
     * The playback the figures use: {@code -Dcallaudit.bench.playback=plain} (the
     * default, and the only one so far).
     */
    static Playback choose() {
        String wanted = System.getProperty("callaudit.bench.playback", "plain");
        if (!wanted.equals("plain")) {
            throw new IllegalArgumentException("no playback \"" + wanted
                    + "\" yet: the player UI is not in this build");
        }
        return new PlainPlayback();
    }

    /** What the run could not measure through the player UI, for the results file. */
    static List<String> remarks() {
        return List.of("Figures 5, 6 and 7 play through `MediaRelay` and a plain "
                + "`MediaPlayer` (class `PlainPlayback`), not the player UI, which is "
                + "not in this build: selection → first audio starts at `register`, not "
                + "at a click on a row, and the sampler of figure 7 sees the table but "
                + "not the player's controls, waveform or time display.");
    }

    /** A recording that is playing; close it to dispose of its player and fetch. */
    interface PlayingRecording extends AutoCloseable {

        /** Milliseconds from the start of {@link Playback#play} to audio. */
        double millisToFirstAudio();

        /**
         * Seeks while playing and returns the milliseconds until the player's time is
         * at the target; NaN when it never got there (two tries of 5 s).
         */
        double seek(double seconds) throws Exception;

        /** Waits until the whole recording is fetched, so seeks stay inside it. */
        void awaitFetched() throws Exception;
    }
}
