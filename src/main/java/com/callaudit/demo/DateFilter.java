package com.callaudit.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code DateCreated}, {@code DateCreated<} and {@code DateCreated>} filters of a
 * list request, reduced to one half-open interval of creation instants.
 *
 * <p>SignalWire does not say whether {@code <} and {@code >} are strict, so the demo
 * space follows Twilio's "on or before" / "on or after" wording: both bounds are
 * inclusive. A value that is a bare date (or any value of {@code DateCreated}, which
 * means "on this day") stands for the whole UTC day, so {@code DateCreated<2026-11-30}
 * keeps recordings made on the 30th and {@code DateCreated>2026-11-30} keeps them too.
 * A value with a time of day is an exact instant.
 */
record DateFilter(Instant from, Instant until) {

    static final DateFilter NONE = new DateFilter(Instant.MIN, Instant.MAX);

    /** Form-encoded clients turn {@code +0000} into a space; this puts it back. */
    private static final Pattern LOST_PLUS = Pattern.compile(" (\\d{4})$");

    /** Whether {@code created} is in {@code [from, until)}. */
    boolean accepts(Instant created) {
        return !created.isBefore(from) && created.isBefore(until);
    }

    /** Narrows this filter by one query parameter; empty when the value is no date. */
    Optional<DateFilter> with(String key, String value) {
        Optional<Bounds> parsed = parse(value);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Bounds bounds = parsed.get();
        switch (key) {
            case "DateCreated":
                Instant day = bounds.start().truncatedTo(ChronoUnit.DAYS);
                return Optional.of(narrow(day, day.plus(1, ChronoUnit.DAYS)));
            case "DateCreated<":
                return Optional.of(narrow(Instant.MIN, bounds.endExclusive()));
            case "DateCreated>":
                return Optional.of(narrow(bounds.start(), Instant.MAX));
            default:
                throw new IllegalArgumentException("not a date filter: " + key);
        }
    }

    private DateFilter narrow(Instant otherFrom, Instant otherUntil) {
        Instant newFrom = otherFrom.isAfter(from) ? otherFrom : from;
        Instant newUntil = otherUntil.isBefore(until) ? otherUntil : until;
        return new DateFilter(newFrom, newUntil);
    }

    /** A parsed value: a whole day, or a single instant (end = start + 1 s). */
    private record Bounds(Instant start, Instant endExclusive) {
    }

    private static Optional<Bounds> parse(String raw) {
        String text = raw.strip();
        try {
            LocalDate date = LocalDate.parse(text);
            Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            return Optional.of(new Bounds(start, start.plus(1, ChronoUnit.DAYS)));
        } catch (DateTimeParseException notADate) {
            // fall through to the timestamp forms
        }
        return parseInstant(text).map(i -> new Bounds(i, i.plusSeconds(1)));
    }

    private static Optional<Instant> parseInstant(String text) {
        String repaired = LOST_PLUS.matcher(text).replaceFirst(" +$1");
        for (String candidate : new String[] {text, repaired}) {
            try {
                return Optional.of(OffsetDateTime.parse(candidate,
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(repaired).toInstant());
        } catch (DateTimeParseException e) {
            // a local timestamp is read as UTC, as SignalWire's dates are
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
