package com.callaudit.api;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a GET to a space is worth asking again, and how long to wait first: a space that
 * limits requests (429) or is briefly unavailable (503) gets at most {@link #MAX_TRIES}
 * tries in all, after its own {@code Retry-After} or a doubling backoff, never longer
 * than the caller's bound. Shared by the API client and the media relay.
 */
public final class RetryPolicy {

    /** Tries in all, the first one included. */
    public static final int MAX_TRIES = 3;

    private RetryPolicy() {
    }

    /** Whether a GET that got this status may be asked again. */
    public static boolean isWorthRetrying(int status) {
        return status == 429 || status == 503;
    }

    /**
     * The wait before the next try.
     *
     * @param triesSoFar tries already made, from 1
     * @param retryAfter the space's {@code Retry-After} header (seconds or an HTTP date),
     *     or null
     * @param longest the most the caller will wait
     */
    public static Duration waitBefore(int triesSoFar, String retryAfter, Duration longest) {
        Duration wait = parseRetryAfter(retryAfter)
                .orElse(Duration.ofMillis(500L << (triesSoFar - 1)));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    static Optional<Duration> parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value,
                        DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
