package com.callaudit.ui;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How CallAudit writes values for people: local times with their zone, m:ss, prices. */
public final class Formats {

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private Formats() {
    }

    /** {@code 2026-11-30 15:03:12 CET}, in this computer's time zone. */
    public static String localTime(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneId.systemDefault()).format(LOCAL_TIME);
    }

    /** {@code 1:32}, or {@code 1:02:05} past an hour; a dash when unknown. */
    public static String duration(int seconds) {
        if (seconds < 0) {
            return "–";
        }
        int hours = seconds / 3600;
        int minutes = seconds % 3600 / 60;
        int rest = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** {@code 1:32.4} for a player position in milliseconds. */
    public static String position(double millis) {
        if (Double.isNaN(millis) || millis < 0) {
            return "0:00";
        }
        return duration((int) (millis / 1000));
    }

    /** {@code -0.0025 USD}; the unit is left out when the space gave none. */
    public static String price(BigDecimal price, String unit) {
        String amount = price.toPlainString();
        return unit == null || unit.isBlank() ? amount : amount + " " + unit;
    }

    /** {@code mono}, {@code dual}, or a dash when the space did not say. */
    public static String channels(int channels) {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "dual";
            default -> "–";
        };
    }
}
