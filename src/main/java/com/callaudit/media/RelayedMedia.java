package com.callaudit.media;

import com.callaudit.api.MediaFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording registered with a {@link MediaRelay}: the local address MediaPlayer opens,
 * and the progress of the fetch behind it.
 *
 * <p>Thread-safe. Progress listeners run on the relay's fetch thread (or on the thread
 * that calls {@link #cancel()}), one call at a time and in order; keep them short, for
 * example a {@code Platform.runLater}. The file behind the local address stays readable
 * until the relay closes or evicts it from its cache.
 */
public final class RelayedMedia {

    private static final Logger LOG = LoggerFactory.getLogger(RelayedMedia.class);

    /** Listeners hear of progress at most once per this many fetched bytes. */
    private static final long PROGRESS_STEP = 64 * 1024;

    private final String recordingSid;
    private final MediaFormat format;
    private final URI localUri;
    private final String localPath;
    private final Path file;
    private final List<Consumer<FetchProgress>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<FetchProgress> finished = new CompletableFuture<>();
    private final Object lock = new Object();
    private final Object publishing = new Object();

    // Guarded by lock.
    private FetchProgress progress = FetchProgress.starting();
    private long storedBytes;
    private long servedLength = -1;
    private int failureStatus;
    private Cancellable request;
    private boolean evicted;

    // Guarded by publishing.
    private FetchProgress lastPublished = progress;

    private volatile long lastUsedNanos = System.nanoTime();

    RelayedMedia(String recordingSid, MediaFormat format, URI localUri, String localPath,
            Path file) {
        this.recordingSid = recordingSid;
        this.format = format;
        this.localUri = localUri;
        this.localPath = localPath;
        this.file = file;
    }

    /**
     * The address to give {@code new Media(...)}: loopback http, no credentials, no
     * query; valid while the relay runs.
     */
    public URI localUri() {
        return localUri;
    }

    /** The recording SID taken from the media URL, as used in logs. */
    public String recordingSid() {
        return recordingSid;
    }

    public MediaFormat format() {
        return format;
    }

    /** The latest progress; never null. */
    public FetchProgress progress() {
        synchronized (lock) {
            return progress;
        }
    }

    /** Adds a listener for later progress; read {@link #progress()} for the present. */
    public void addProgressListener(Consumer<FetchProgress> listener) {
        listeners.add(listener);
    }

    public void removeProgressListener(Consumer<FetchProgress> listener) {
        listeners.remove(listener);
    }

    /**
     * Completes, never exceptionally, with the final progress: COMPLETE, FAILED or
     * CANCELLED. Completing the returned copy has no effect on the fetch.
     */
    public CompletableFuture<FetchProgress> finished() {
        return finished.copy();
    }

    /**
     * Stops the fetch and aborts its request to the space; does nothing once the fetch
     * has finished. Players reading the local address then fail.
     */
    public void cancel() {
        Cancellable running;
        synchronized (lock) {
            if (progress.isFinished()) {
                return;
            }
            progress = new FetchProgress(FetchProgress.State.CANCELLED,
                    progress.bytesFetched(), progress.totalBytes(),
                    "The download was cancelled.");
            failureStatus = 404;
            running = request;
            lock.notifyAll();
        }
        if (running != null) {
            running.cancel();
        }
        publish(true);
    }

    @Override
    public String toString() {
        return "RelayedMedia[" + recordingSid + format.extension() + ", "
                + progress().state() + "]";
    }

    // The fetch side.

    String localPath() {
        return localPath;
    }

    Path file() {
        return file;
    }

    /** Keeps hold of the request in flight, so that cancelling can abort it. */
    void attachRequest(Cancellable current) {
        boolean cancelled;
        synchronized (lock) {
            request = current;
            cancelled = progress.state() == FetchProgress.State.CANCELLED;
        }
        if (cancelled) {
            current.cancel();
        }
    }

    boolean isCancelled() {
        return progress().state() == FetchProgress.State.CANCELLED;
    }

    /** Sets the length the relay will serve (-1 if unknown) and the space's length. */
    void announce(long length, long remoteTotal) {
        synchronized (lock) {
            if (progress.isFinished()) {
                return;
            }
            servedLength = length;
            progress = new FetchProgress(progress.state(), progress.bytesFetched(),
                    remoteTotal, null);
            lock.notifyAll();
        }
        publish(true);
    }

    /** Records that {@code stored} bytes are on disk after {@code fetched} arrived. */
    void stored(long stored, long fetched) {
        boolean stepCrossed;
        synchronized (lock) {
            if (progress.isFinished()) {
                return;
            }
            stepCrossed = fetched / PROGRESS_STEP != progress.bytesFetched() / PROGRESS_STEP;
            storedBytes = stored;
            progress = new FetchProgress(progress.state(), fetched,
                    progress.totalBytes(), null);
            lock.notifyAll();
        }
        publish(stepCrossed);
    }

    /** Marks the fetch complete; returns false if it had already ended (cancelled). */
    boolean complete() {
        synchronized (lock) {
            if (progress.isFinished()) {
                return false;
            }
            servedLength = storedBytes;
            progress = new FetchProgress(FetchProgress.State.COMPLETE,
                    progress.bytesFetched(), progress.totalBytes(), null);
            lock.notifyAll();
        }
        publish(true);
        return true;
    }

    /** Marks the fetch failed; players asking afterwards get {@code relayStatus}. */
    void fail(String reason, int relayStatus) {
        synchronized (lock) {
            if (progress.isFinished()) {
                return;
            }
            progress = new FetchProgress(FetchProgress.State.FAILED,
                    progress.bytesFetched(), progress.totalBytes(), reason);
            failureStatus = relayStatus;
            lock.notifyAll();
        }
        publish(true);
    }

    // The cache and serving side.

    /** Bytes of the served file on disk now. */
    long storedBytes() {
        synchronized (lock) {
            return storedBytes;
        }
    }

    /** Whether a new register of the same media may reuse this one. */
    boolean isReusable() {
        synchronized (lock) {
            FetchProgress.State state = progress.state();
            return !evicted && (state == FetchProgress.State.FETCHING
                    || state == FetchProgress.State.COMPLETE);
        }
    }

    void markEvicted() {
        synchronized (lock) {
            evicted = true;
        }
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /**
     * Waits until the served length is known.
     *
     * @throws FetchFailure if the fetch failed, or nothing was learnt within {@code wait}
     */
    long awaitServedLength(Duration wait) throws FetchFailure, InterruptedException {
        synchronized (lock) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (servedLength < 0) {
                throwIfUnservable();
                waitUntil(deadline);
            }
            return servedLength;
        }
    }

    /**
     * Waits until more than {@code position} bytes are on disk and returns how many are.
     *
     * @param wait how long to wait for new bytes before giving up
     */
    long awaitStored(long position, Duration wait) throws FetchFailure, InterruptedException {
        synchronized (lock) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (storedBytes <= position) {
                throwIfUnservable();
                if (progress.state() == FetchProgress.State.COMPLETE) {
                    throw new FetchFailure("Asked for bytes past the end.", 416);
                }
                waitUntil(deadline);
            }
            return storedBytes;
        }
    }

    private void throwIfUnservable() throws FetchFailure {
        if (progress.state() == FetchProgress.State.FAILED
                || progress.state() == FetchProgress.State.CANCELLED) {
            throw new FetchFailure(progress.failureReason(), failureStatus);
        }
    }

    private void waitUntil(long deadline) throws FetchFailure, InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchFailure("The space sent nothing new for too long.", 504);
        }
        long millis = Math.max(1, left / 1_000_000);
        lock.wait(millis);
    }

    private void publish(boolean always) {
        if (!always) {
            return;
        }
        synchronized (publishing) {
            FetchProgress now = progress();
            if (now.equals(lastPublished)) {
                return;
            }
            lastPublished = now;
            for (Consumer<FetchProgress> listener : listeners) {
                try {
                    listener.accept(now);
                } catch (RuntimeException e) {
                    // One broken listener must not stop the fetch or the others.
                    LOG.warn("progress listener of recording {} failed: {}",
                            recordingSid, e.toString());
                }
            }
            if (now.isFinished()) {
                finished.complete(now);
            }
        }
    }
}
