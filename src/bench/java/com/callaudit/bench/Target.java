package com.callaudit.bench;

import java.util.Locale;

/** What the issue asks of one figure, and whether a measurement meets it. */
sealed interface Target {

    /** Whether CallAudit's median (or, for stalls, its worst) meets the target. */
    boolean isMet(double callAudit, double floor);

    String describe();

    /** At most {@code factor} times the floor. */
    static Target timesFloor(double factor) {
        return new TimesFloor(factor);
    }

    /** At most the floor plus {@code margin}. */
    static Target floorPlus(double margin, String unit) {
        return new FloorPlus(margin, unit);
    }

    /** At most {@code limit}, whatever the floor. */
    static Target atMost(double limit, String unit) {
        return new AtMost(limit, unit);
    }

    record TimesFloor(double factor) implements Target {
        @Override
        public boolean isMet(double callAudit, double floor) {
            return callAudit <= factor * floor;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "≤ %.1f× floor", factor);
        }
    }

    record FloorPlus(double margin, String unit) implements Target {
        @Override
        public boolean isMet(double callAudit, double floor) {
            return callAudit <= floor + margin;
        }

        @Override
        public String describe() {
            return "≤ floor + " + Samples.number(margin) + " " + unit;
        }
    }

    record AtMost(double limit, String unit) implements Target {
        @Override
        public boolean isMet(double callAudit, double floor) {
            return callAudit <= limit;
        }

        @Override
        public String describe() {
            return "≤ " + Samples.number(limit) + " " + unit;
        }
    }
}
