package com.callaudit.api;

import java.util.ArrayList;
import java.util.List;
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
    private final List<Runnable> followers = new ArrayList<>(0);

    /** Aborts the request, now or as soon as it starts. */
    public void cancel() {
        Cancellable request;
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            request = current;
            toRun = List.copyOf(followers);
            followers.clear();
        }
        if (request != null) {
            request.cancel();
        }
        toRun.forEach(Runnable::run);
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

    // Lets a listing's own cancellation follow the caller's: run once on cancel, at once
    // if already cancelled.
    void whenCancelled(Runnable follower) {
        synchronized (this) {
            if (!cancelled) {
                followers.add(follower);
                return;
            }
        }
        follower.run();
    }

    synchronized void forget(Runnable follower) {
        followers.remove(follower);
    }
}
