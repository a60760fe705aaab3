package com.callaudit.api;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Lets another thread abort a request of {@link RecordingsClient} that is under way.
 *
 * <p>Cancelling aborts the HTTP exchange at once (the blocked call then throws a
 * {@link SignalWireException} whose {@link #isCancelled()} is true) and stops retries.
 * Thread-safe; one instance per call.
 */
public final class Cancellation {

    private Cancellable current;
    private boolean cancelled;

    /** Aborts the request, now or as soon as it starts. */
    public void cancel() {
        Cancellable request;
        synchronized (this) {
            cancelled = true;
            request = current;
        }
        if (request != null) {
            request.cancel();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    synchronized void attach(Cancellable request) {
        current = request;
        if (cancelled) {
            request.cancel();
        }
    }
}
