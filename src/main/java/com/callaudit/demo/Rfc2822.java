package com.callaudit.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats instants the way SignalWire writes dates: {@code Wed, 19 Dec 2018 16:28:16 +0000}. */
final class Rfc2822 {

    // English month and day names whatever the JVM's default locale is, because
    // clients parse these strings with English patterns.
    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Rfc2822() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
