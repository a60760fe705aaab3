package com.callaudit.media;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings fetched in this session, as files in a private temporary folder that is
 * deleted on close. Bounded: once complete files pass the limit, the least recently used
 * are dropped. Thread-safe.
 */
final class SessionCache implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCache.class);

    private final Path folder;
    private final long limitBytes;
    private final Map<String, RelayedMedia> byMedia = new HashMap<>();
    private final Map<String, RelayedMedia> byLocalPath = new HashMap<>();
    // An app ended by a signal (a logout, a kill) never closes its cache: the JVM runs
    // this on its way out, so no call recording stays behind in the temporary folder.
    private final Thread deleteAtExit =
            new Thread(this::deleteFolder, "callaudit-media-cache-cleanup");

    // Shortcoming: a JVM killed outright (kill -9, a power cut) runs nothing on its way
    // out, so its recordings stay in the temporary folder until the system clears it;
    // and an app ended in the very moment its relay starts can leave an empty folder.
    SessionCache(long limitBytes) throws IOException {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("The cache limit must be positive.");
        }
        this.limitBytes = limitBytes;
        // createTempDirectory gives owner-only permissions on POSIX systems.
        this.folder = Files.createTempDirectory("callaudit-media-");
        try {
            Runtime.getRuntime().addShutdownHook(deleteAtExit);
        } catch (IllegalStateException exiting) {
            // Made while the JVM ends (a relay still starting when the app was ended).
            deleteFiles();
            throw new IOException("CallAudit is closing");
        }
    }

    Path folder() {
        return folder;
    }

    /** The cached media for {@code key}, if it may be reused. */
    synchronized RelayedMedia find(String key) {
        RelayedMedia media = byMedia.get(key);
        return media != null && media.isReusable() ? media : null;
    }

    synchronized void add(String key, RelayedMedia media) {
        byMedia.put(key, media);
        byLocalPath.put(media.localPath(), media);
    }

    /** The media served at {@code path}, or null. */
    synchronized RelayedMedia atLocalPath(String path) {
        return byLocalPath.get(path);
    }

    synchronized List<RelayedMedia> all() {
        return new ArrayList<>(byLocalPath.values());
    }

    /** Bytes of all files in the cache now. */
    synchronized long storedBytes() {
        return byLocalPath.values().stream()
                .filter(RelayedMedia::isReusable)
                .mapToLong(RelayedMedia::storedBytes)
                .sum();
    }

    /**
     * Called when a fetch ends. A failed one loses its file but keeps its local path, so
     * a player asking there still learns the failure; a complete one may push older
     * ones out.
     */
    synchronized void fetchEnded(RelayedMedia media) {
        if (media.progress().state() != FetchProgress.State.COMPLETE) {
            byMedia.values().remove(media);
            delete(media);
            return;
        }
        evictBeyondLimit(media);
    }

    @Override
    public synchronized void close() throws IOException {
        byMedia.clear();
        byLocalPath.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(deleteAtExit);
        } catch (IllegalStateException exiting) {
            // The JVM is on its way out; the hook deletes the folder as well.
        }
        deleteFiles();
    }

    private void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // Without the lock: at exit, a fetch still writing must not keep the JVM waiting.
    private void deleteFolder() {
        try {
            deleteFiles();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the media cache {}: {}", folder, e.toString());
        }
    }

    // Shortcoming: a recording evicted while its player is still open answers 404 to
    // the player's next seek; the user has to select it again.
    private void evictBeyondLimit(RelayedMedia keep) {
        long total = storedBytes();
        List<RelayedMedia> oldestFirst = byLocalPath.values().stream()
                .filter(m -> m != keep)
                .filter(m -> m.progress().state() == FetchProgress.State.COMPLETE)
                .sorted(Comparator.comparingLong(RelayedMedia::lastUsedNanos))
                .toList();
        for (RelayedMedia old : oldestFirst) {
            if (total <= limitBytes) {
                return;
            }
            total -= old.storedBytes();
            LOG.info("media cache full: dropping recording {} {}",
                    old.recordingSid(), old.format().extension());
            forget(old);
        }
    }

    private void forget(RelayedMedia media) {
        media.markEvicted();
        byLocalPath.remove(media.localPath(), media);
        byMedia.values().remove(media);
        delete(media);
    }

    private void delete(RelayedMedia media) {
        try {
            Files.deleteIfExists(media.file());
        } catch (IOException e) {
            LOG.warn("could not delete cached recording {}: {}",
                    media.recordingSid(), e.toString());
        }
    }
}
