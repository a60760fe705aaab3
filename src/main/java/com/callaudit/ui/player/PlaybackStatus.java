package com.callaudit.ui.player;

/** Where the player stands, as the controls show it. */
public enum PlaybackStatus {
    /** No recording selected. */
    EMPTY,
    /** The selected recording cannot be played; the reason says why. */
    UNAVAILABLE,
    /** Waiting for the first bytes or for the player to be ready. */
    LOADING,
    READY,
    PLAYING,
    PAUSED,
    STOPPED,
    /** Played to its end. */
    ENDED,
    /** Neither format could be played; the reason says why. */
    FAILED,
    /** No sound device could be opened; Play tries again, and saving still works. */
    NO_SOUND_DEVICE
}
