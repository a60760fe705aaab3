package com.callaudit.api;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** A whole HTTP answer of the space, read and released by the response handler. */
record Reply(int status, String contentType, String retryAfterHeader, byte[] body) {

    // A page of 1000 recordings is about 1 MB; anything far larger is not ours to read.
    private static final int LARGEST_BODY = 32 * 1024 * 1024;

    static Reply read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity,
                LARGEST_BODY);
        return new Reply(response.getCode(), headerValue(response, "Content-Type"),
                headerValue(response, "Retry-After"), body == null ? new byte[0] : body);
    }

    boolean isWorthRetrying() {
        return status == 429 || status == 503;
    }

    /** The wait the space asked for, in seconds or as an HTTP date. */
    Optional<Duration> retryAfter() {
        if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfterHeader.strip();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
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

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
