package com.callaudit.media;

/**
 * How far the relay has got with fetching one recording from the space.
 *
 * <p>Immutable; a new instance is published at every step.
 *
 * @param state where the fetch stands
 * @param bytesFetched bytes received from the space so far
 * @param totalBytes bytes the space announced, or -1 when it did not say
 * @param failureReason plain words for the user when {@code state} is FAILED or
 *     CANCELLED, else null
 */
public record FetchProgress(
        State state, long bytesFetched, long totalBytes, String failureReason) {

    /** The stages of a fetch; COMPLETE, FAILED and CANCELLED are final. */
    public enum State { FETCHING, COMPLETE, FAILED, CANCELLED }

    static FetchProgress starting() {
        return new FetchProgress(State.FETCHING, 0, -1, null);
    }

    /** Whether the fetch has ended, well or not. */
    public boolean isFinished() {
        return state != State.FETCHING;
    }

    /** Share fetched from 0 to 1, or -1 while the total is unknown. */
    public double fraction() {
        if (state == State.COMPLETE) {
            return 1;
        }
        return totalBytes > 0 ? Math.min(1, (double) bytesFetched / totalBytes) : -1;
    }
}
