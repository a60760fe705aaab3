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
        OffsetDateTime canonical = parseCanonical(text);
        if (canonical != null) {
            return Optional.of(canonical);
        }
        String normalised = normalise(text);
        try {
            return Optional.of(OffsetDateTime.parse(normalised,
                    DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException notRfc) {
            return parseIso(text.strip());
        }
    }

    // Every record of a listing carries a date in exactly this form, and the tolerant
    // path below (regular expressions, then a formatter) costs about 4 µs each: 0.4 s
    // of a 100,000-row listing. Anything else, or any bad value, goes the long way.
    private static final String CANONICAL = "Ddd, 00 Mmm 0000 00:00:00 +0000";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    // Null unless the text has exactly that form; takes any text, so the page reader can
    // hand over the parser's characters without making a String of them.
    static OffsetDateTime parseCanonical(CharSequence text) {
        if (text.length() != CANONICAL.length() || !hasCanonicalShape(text)) {
            return null;
        }
        int month = monthIndex(text);
        char sign = text.charAt(26);
        if (month < 0 || month % 3 != 0 || (sign != '+' && sign != '-')
                || number(text, 29) > 59) {
            return null;
        }
        int offsetMinutes = number(text, 27) * 60 + number(text, 29);
        try {
            return OffsetDateTime.of(number(text, 12) * 100 + number(text, 14),
                    month / 3 + 1, number(text, 5), number(text, 17), number(text, 20),
                    number(text, 23), 0, java.time.ZoneOffset.ofTotalSeconds(
                            (sign == '-' ? -60 : 60) * offsetMinutes));
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    private static int monthIndex(CharSequence text) {
        for (int at = 0; at < MONTHS.length(); at += 3) {
            if (MONTHS.charAt(at) == text.charAt(8) && MONTHS.charAt(at + 1) == text.charAt(9)
                    && MONTHS.charAt(at + 2) == text.charAt(10)) {
                return at;
            }
        }
        return -1;
    }

    // Digits where the pattern has 0, the same separators, letters elsewhere.
    private static boolean hasCanonicalShape(CharSequence text) {
        for (int i = 0; i < CANONICAL.length(); i++) {
            char expected = CANONICAL.charAt(i);
            char actual = text.charAt(i);
            boolean fits = expected == '0' ? actual >= '0' && actual <= '9'
                    : Character.isLetter(expected) ? Character.isLetter(actual)
                    : expected == '+' || actual == expected;
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static int number(CharSequence text, int at) {
        return (text.charAt(at) - '0') * 10 + (text.charAt(at + 1) - '0');
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
