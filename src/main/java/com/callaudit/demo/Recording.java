package com.callaudit.demo;

import java.time.Instant;

/**
 * One recording of the demo space, with everything its JSON and media need.
 *
 * <p>{@code callSid} is null for conference recordings and {@code conferenceSid} for
 * call recordings; {@code endTime}, {@code price}, {@code transcription} and
 * {@code media} may be null. Durations are whole seconds.
 */
record Recording(
        String sid,
        String callSid,
        String conferenceSid,
        Instant dateCreated,
        Instant startTime,
        Instant endTime,
        int duration,
        int channels,
        String status,
        String source,
        String price,
        String trim,
        String transcription,
        RecordingMedia media) {

    /** Whether media requests are answered; SignalWire has no audio until completion. */
    boolean hasMedia() {
        return media != null && !status.equals("in-progress") && !status.equals("absent");
    }
}
