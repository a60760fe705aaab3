package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc2822Test {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Test
    void writesDatesAsSignalWireDoes() {
        assertThat(Rfc2822.format(Instant.parse("2018-12-19T16:28:16Z")))
                .isEqualTo("Wed, 19 Dec 2018 16:28:16 +0000");
        assertThat(Rfc2822.format(Instant.parse("2024-02-29T00:00:00.999Z")))
                .isEqualTo("Thu, 29 Feb 2024 00:00:00 +0000");
        assertThat(Rfc2822.format(null)).isNull();
    }

    @Test
    void agreesWithJavasOwnFormatterOverDecades() {
        Random random = new Random(2822);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            Instant instant = Instant.ofEpochSecond(second);
            assertThat(Rfc2822.format(instant)).isEqualTo(REFERENCE.format(instant));
        }
    }
}
