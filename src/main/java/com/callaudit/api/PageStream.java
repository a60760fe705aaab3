package com.callaudit.api;

import java.net.URI;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pages of one listing, for a caller that wants all of them: while the caller reads
 * one page, the next one is already being fetched, so the space's time and ours overlap.
 *
 * <p>At most one page is fetched ahead, and only once the page before has been read far
 * enough to know its next link is safe; the page handed out is always the one its
 * predecessor's checked link names, so paging stops exactly where page by page would.
 * {@link #next()} blocks; use the stream from one background thread, never the FX
 * thread. {@link #close()} (or cancelling the caller's {@link Cancellation}) aborts the
 * page under way and waits until its connection is back in the pool.
 */
public final class PageStream implements AutoCloseable {

    private static final long ABANDON_WAIT_SECONDS = 10;

    private final RecordingsClient client;
    private final RecordingQuery query;
    private final Set<String> trail;
    private final Cancellation caller;
    private final Cancellation own = new Cancellation();
    private final Runnable followCaller = own::cancel;
    private URI upcoming;
    private Ahead ahead;
    private long waitedNanos;
    private long readNanos;

    PageStream(RecordingsClient client, RecordingQuery query, URI first, Set<String> trail,
            Cancellation caller) {
        this.client = client;
        this.query = query;
        this.upcoming = first;
        this.trail = trail;
        this.caller = caller;
        caller.whenCancelled(followCaller);
    }

    /** Whether there is a page to fetch that CallAudit will follow. */
    public boolean hasNext() {
        return upcoming != null && !own.isCancelled();
    }

    /**
     * The next page, fetched ahead if it could be.
     *
     * @throws SignalWireException as {@link RecordingsClient#next}; also when cancelled
     * @throws NoSuchElementException when {@link #hasNext()} is false
     */
    public RecordingPage next() throws SignalWireException {
        if (upcoming == null) {
            throw new NoSuchElementException("the list has no next page");
        }
        if (own.isCancelled()) {
            throw SignalWireException.noAnswer("Cancelled.", null);
        }
        long started = System.nanoTime();
        byte[] body = bodyOf(upcoming);
        long fetched = System.nanoTime();
        RecordingPage page;
        try {
            page = client.readPage(query, trail, body, this::fetchAhead);
        } catch (SignalWireException | RuntimeException e) {
            abandonAhead();
            throw e;
        }
        if (ahead != null && !ahead.uri.equals(page.nextUri())) {
            abandonAhead();
        }
        upcoming = page.nextUri();
        long done = System.nanoTime();
        waitedNanos += fetched - started;
        readNanos += done - fetched;
        client.logPage(page, fetched - started, done - fetched);
        return page;
    }

    /** How long {@link #next()} has waited for pages to arrive, in all. */
    public Duration waitedForSpace() {
        return Duration.ofNanos(waitedNanos);
    }

    /** How long {@link #next()} has spent reading pages that had arrived, in all. */
    public Duration spentReading() {
        return Duration.ofNanos(readNanos);
    }

    /** Stops the listing: aborts the page being fetched ahead, if any, and waits for it. */
    @Override
    public void close() {
        caller.forget(followCaller);
        own.cancel();
        abandonAhead();
        upcoming = null;
    }

    // Called by the page reader, on this thread, once the link is known to be followed.
    private void fetchAhead(URI next) {
        if (own.isCancelled() || ahead != null) {
            return;
        }
        Cancellation request = new Cancellation();
        Runnable follow = request::cancel;
        own.whenCancelled(follow);
        ahead = new Ahead(next, client.fetchPageBodyLater(next, request), request, follow);
    }

    private byte[] bodyOf(URI uri) throws SignalWireException {
        Ahead taken = ahead;
        if (taken == null || !taken.uri.equals(uri)) {
            abandonAhead();
            return client.fetchPageBody(uri, own);
        }
        ahead = null;
        try {
            return taken.body.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            ahead = taken;
            close();
            Thread.currentThread().interrupt();
            throw SignalWireException.noAnswer("Stopped while waiting for the next page.", e);
        } finally {
            own.forget(taken.follow);
        }
    }

    private void abandonAhead() {
        Ahead abandoned = ahead;
        ahead = null;
        if (abandoned == null) {
            return;
        }
        abandoned.request.cancel();
        own.forget(abandoned.follow);
        boolean interrupted = false;
        try {
            abandoned.body.get(ABANDON_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // An abandoned page may end any way it likes; only its connection matters.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static SignalWireException rethrown(Throwable cause) {
        if (cause instanceof SignalWireException e) {
            return e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return SignalWireException.noAnswer("Fetching the next page failed.", cause);
    }

    private record Ahead(URI uri, Future<byte[]> body, Cancellation request,
            Runnable follow) {
    }
}
