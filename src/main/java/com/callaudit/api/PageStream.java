package com.callaudit.api;

import java.net.URI;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one listing, for a caller that wants all of them: the next page is
 * fetched while the caller waits for or reads this one, so the space's time and ours
 * overlap.
 *
 * <p>At most one page beyond the one the caller asked for is fetched, and only once its
 * link is known to be safe: from the first bytes of the page before when the link comes
 * ahead of the records there (as SignalWire and the demo space write it), else from the
 * whole page. The page handed out is always the one its predecessor's checked link
 * names, so paging stops exactly where page by page would. {@link #next()} blocks; call
 * it from one background thread, never the FX thread. {@link #close()} (or cancelling
 * the caller's {@link Cancellation}) aborts what is under way and waits until its
 * connections are back in the pool.
 */
public final class PageStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageStream.class);
    private static final long ABANDON_WAIT_SECONDS = 10;
    // The envelope comes first; a page whose link is not in these bytes is read whole.
    private static final int HEAD_LIMIT = 64 * 1024;

    private final RecordingsClient client;
    private final RecordingQuery query;
    private final Set<String> trail;
    private final PageReader heads;
    private final Cancellation caller;
    private final Cancellation own = new Cancellation();
    private final Runnable followCaller = own::cancel;
    private URI upcoming;
    // The page the caller gets next, and the one after it; guarded by this.
    private Fetch current;
    private Fetch ahead;
    private long waitedNanos;
    private long readNanos;

    PageStream(RecordingsClient client, RecordingQuery query, URI first, Set<String> trail,
            Cancellation caller) {
        this.client = client;
        this.query = query;
        this.upcoming = first;
        this.trail = trail;
        this.heads = client.pageReader(query, trail);
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
     * @throws NoSuchElementException when there is no next page
     */
    public RecordingPage next() throws SignalWireException {
        if (upcoming == null) {
            throw new NoSuchElementException("the list has no next page");
        }
        long started = System.nanoTime();
        Fetch fetch = take(upcoming);
        byte[] body;
        RecordingPage page;
        long fetched;
        try {
            body = await(fetch);
            fetched = System.nanoTime();
            page = client.readPage(query, trail, body, next -> offer(fetch, next));
        } catch (SignalWireException | RuntimeException e) {
            synchronized (this) {
                current = null;
            }
            abandon(takeAhead());
            throw e;
        }
        Fetch following = takeAhead();
        if (following != null && !following.uri.equals(page.nextUri())) {
            abandon(following);
            following = null;
        }
        synchronized (this) {
            current = following;
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

    /** Stops the listing: aborts what is being fetched, and waits for it to end. */
    @Override
    public void close() {
        caller.forget(followCaller);
        own.cancel();
        Fetch pending;
        Fetch following;
        synchronized (this) {
            pending = current;
            following = ahead;
            current = null;
            ahead = null;
        }
        abandon(pending);
        abandon(following);
        upcoming = null;
    }

    // The fetch of the page the caller now waits for, started here if it was not; and
    // since the caller now waits for it, the page after it may be fetched too.
    private Fetch take(URI uri) throws SignalWireException {
        Fetch stale = null;
        Fetch fetch;
        synchronized (this) {
            if (own.isCancelled()) {
                throw SignalWireException.noAnswer("Cancelled.", null);
            }
            if (current != null && !current.uri.equals(uri)) {
                stale = current;
                current = null;
            }
            if (current == null) {
                current = start(uri, false);
            }
            fetch = current;
            fetch.waitedFor = true;
            if (fetch.nextInHead != null && ahead == null) {
                ahead = start(fetch.nextInHead, true);
            }
        }
        abandon(stale);
        return fetch;
    }

    // A page's next link, known early (from its first bytes, on the fetching thread, or
    // from the reader on the caller's): fetch that page now if the caller waits for this.
    private synchronized void offer(Fetch from, URI next) {
        if (from.nextInHead == null) {
            from.nextInHead = next;
        }
        if (from == current && from.waitedFor && ahead == null && !own.isCancelled()) {
            ahead = start(next, true);
        }
    }

    private synchronized Fetch takeAhead() {
        Fetch taken = ahead;
        ahead = null;
        return taken;
    }

    // Called with this held.
    private Fetch start(URI uri, boolean beforeAsked) {
        Fetch fetch = new Fetch(uri);
        own.whenCancelled(fetch.request::cancel);
        fetch.body = client.fetchPageBodyLater(uri, fetch.request, fetch::watchHead,
                beforeAsked);
        return fetch;
    }

    private byte[] await(Fetch fetch) throws SignalWireException {
        try {
            return fetch.body.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw SignalWireException.noAnswer("Stopped while waiting for the next page.", e);
        }
    }

    private static void abandon(Fetch fetch) {
        if (fetch == null) {
            return;
        }
        fetch.request.cancel();
        boolean interrupted = false;
        try {
            fetch.body.get(ABANDON_WAIT_SECONDS, TimeUnit.SECONDS);
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

    /** One page being fetched. */
    private final class Fetch {
        final URI uri;
        final Cancellation request = new Cancellation();
        Future<byte[]> body;
        // Guarded by the stream.
        boolean waitedFor;
        URI nextInHead;

        Fetch(URI uri) {
            this.uri = uri;
        }

        // On the fetching thread, as the page arrives; whatever goes wrong here only
        // means the next page is asked for later, once this one has been read.
        boolean watchHead(byte[] prefix, int length) {
            URI next;
            try {
                next = heads.nextLinkInHead(prefix, length);
            } catch (RuntimeException unexpected) {
                LOG.debug("The first bytes of a page gave no next link: {}", unexpected.toString());
                return true;
            }
            if (next == PageReader.SEE_MORE) {
                return length >= HEAD_LIMIT || length == prefix.length;
            }
            if (next != null && !next.equals(uri)) {
                offer(this, next);
            }
            return true;
        }
    }
}
