package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration LONGEST = Duration.ofSeconds(10);

    @Test
    void retriesOnlyRateLimitingAndUnavailability() {
        assertThat(RetryPolicy.isWorthRetrying(429)).isTrue();
        assertThat(RetryPolicy.isWorthRetrying(503)).isTrue();
        assertThat(RetryPolicy.isWorthRetrying(500)).isFalse();
        assertThat(RetryPolicy.isWorthRetrying(502)).isFalse();
    }

    @Test
    void waitsAsTheSpaceAsksInSecondsWithinTheBound() {
        assertThat(RetryPolicy.waitBefore(1, "2", LONGEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.waitBefore(1, "3600", LONGEST)).isEqualTo(LONGEST);
    }

    @Test
    void readsARetryAfterGivenAsAnHttpDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));

        Duration wait = RetryPolicy.waitBefore(1, inThreeSeconds, LONGEST);

        assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void backsOffDoublingWhenTheSpaceGivesNoWait() {
        assertThat(RetryPolicy.waitBefore(1, null, LONGEST)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryPolicy.waitBefore(2, "soon", LONGEST))
                .isEqualTo(Duration.ofMillis(1000));
    }
}
