package com.callaudit.media;

/**
 * Why a recording could not be relayed, in words for the user, and the status the relay
 * answers MediaPlayer with instead of audio.
 */
final class FetchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The status the relay answers when the space's answer was not audio. */
    static final int BAD_GATEWAY = 502;

    private final int relayStatus;

    FetchFailure(String reason, int relayStatus) {
        super(reason);
        this.relayStatus = relayStatus;
    }

    FetchFailure(String reason) {
        this(reason, BAD_GATEWAY);
    }

    int relayStatus() {
        return relayStatus;
    }
}
