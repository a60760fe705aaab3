package com.callaudit.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates SignalWire writes (RFC 2822, {@code Tue, 25 Sep 2018 23:00:04 +0000}).
 *
 * <p>Parsing never depends on the default locale. It tolerates what SignalWire's own
 * examples contain: {@code Sept} for September, a missing day of the week, one-digit
 * days, month names in other letter cases, extra spaces, and ISO-8601 as a last resort.
 */
public final class SignalWireDates {

    private static final DateTimeFormatter FILTER_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final Pattern LONG_MONTH = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_NAME = Pattern.compile(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s*", Pattern.CASE_INSENSITIVE);

    private SignalWireDates() {
    }

    /** Parses a date as the API writes it; empty when the text is null or unreadable. */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalised = normalise(text);
        try {
            return Optional.of(OffsetDateTime.parse(normalised,
                    DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException notRfc) {
            return parseIso(text.strip());
        }
    }

    /** The form CallAudit sends in {@code DateCreated} filters: {@code 2026-11-30}. */
    public static String filterValue(LocalDate date) {
        return FILTER_DATE.format(date);
    }

    private static String normalise(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        String withoutDayName = DAY_NAME.matcher(collapsed).replaceFirst("");
        Matcher month = LONG_MONTH.matcher(withoutDayName);
        StringBuilder out = new StringBuilder();
        while (month.find()) {
            String abbreviation = month.group(1);
            month.appendReplacement(out, abbreviation.substring(0, 1).toUpperCase(Locale.ROOT)
                    + abbreviation.substring(1).toLowerCase(Locale.ROOT));
        }
        month.appendTail(out);
        return out.toString().replace(" UTC", " GMT").replace(" UT", " GMT");
    }

    private static Optional<OffsetDateTime> parseIso(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }
}
