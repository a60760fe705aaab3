package com.callaudit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Repeated measurements of one quantity, in one unit; the table shows their median and
 * their spread (lowest to highest), since the machine is shared and noisy.
 */
final class Samples {

    private final String unit;
    private final List<Double> values = new ArrayList<>();

    Samples(String unit) {
        this.unit = unit;
    }

    static Samples of(String unit, double... values) {
        Samples samples = new Samples(unit);
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }

    void add(double value) {
        values.add(value);
    }

    String unit() {
        return unit;
    }

    int count() {
        return values.size();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2)
                : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.isEmpty() ? Double.NaN : Collections.min(values);
    }

    double max() {
        return values.isEmpty() ? Double.NaN : Collections.max(values);
    }

    /** "412 ms (398–460, n=7)"; a single value shows without a spread. */
    String describe() {
        if (values.isEmpty()) {
            return "–";
        }
        if (values.size() == 1) {
            return number(median()) + " " + unit;
        }
        return number(median()) + " " + unit + " (" + number(min()) + "–" + number(max())
                + ", n=" + values.size() + ")";
    }

    List<Double> values() {
        return List.copyOf(values);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double size = Math.abs(value);
        String pattern = size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
