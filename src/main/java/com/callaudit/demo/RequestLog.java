package com.callaudit.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request the demo space answered, oldest first, so tests can check what a
 * client sent: headers are kept whole, {@code Authorization} included, to prove a token
 * was or was not sent. It is memory only and never logged.
 *
 * <p>Thread-safe. An entry is added just before the response's status line is sent,
 * so once a client has seen a response its entry is already here.
 */
public final class RequestLog {

    /**
     * One request.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param pathAndQuery the raw request target, such as {@code /api/laml/…?PageSize=5}
     * @param headers request headers; look-ups by name ignore case
     * @param status the status code answered
     */
    public record Entry(String method, String pathAndQuery,
            Map<String, List<String>> headers, int status) {

        /** The first value of a request header, or null if it was not sent. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The path without the query. */
        public String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    RequestLog() {
    }

    void add(String method, String pathAndQuery, Map<String, List<String>> headers,
            int status) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        Entry entry = new Entry(method, pathAndQuery, Collections.unmodifiableMap(copy),
                status);
        synchronized (entries) {
            entries.add(entry);
            entries.notifyAll();
        }
    }

    /** A snapshot of the entries so far, oldest first. */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** How many requests were answered since start or the last {@link #clear()}. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The newest entry, or null if there is none. */
    public Entry last() {
        synchronized (entries) {
            return entries.isEmpty() ? null : entries.get(entries.size() - 1);
        }
    }

    /** The entries whose path (query excluded) contains {@code fragment}. */
    public List<Entry> withPathContaining(String fragment) {
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : entries()) {
            if (entry.path().contains(fragment)) {
                matching.add(entry);
            }
        }
        return matching;
    }

    /**
     * Waits until at least {@code count} entries exist, for clients that do not wait
     * for the response themselves (such as a media player).
     *
     * @return whether the count was reached before the timeout
     */
    public boolean awaitSize(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (entries) {
            while (entries.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                entries.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Forgets every entry so far, to look at one test step's requests alone. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
