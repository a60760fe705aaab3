package com.callaudit.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdicts of {@code --self-test}: one line per check, and an exit status that is 0
 * only when there was at least one check and every check passed.
 *
 * <p>Not thread-safe; the self-test fills it from one thread.
 */
final class SelfTestReport {

    /** The work of one check: returns what it found, throws to fail. */
    @FunctionalInterface
    interface CheckBody {
        String run() throws Exception;
    }

    /** What one check found. */
    record Check(String name, boolean passed, String detail) {

        /** {@code PASS  name  detail}, on one line whatever the detail held. */
        String line(int nameWidth) {
            String verdict = passed ? "PASS" : "FAIL";
            String padded = String.format(Locale.ROOT, "%-" + nameWidth + "s", name);
            return verdict + "  " + padded + "  " + oneLine(detail);
        }
    }

    private final List<Check> checks = new ArrayList<>();

    /**
     * Runs {@code body} and records its verdict. A missing class or native library is a
     * {@link LinkageError}, not an exception: that is exactly what an incomplete runtime
     * produces, so it fails the check instead of ending the self-test.
     */
    Check attempt(String name, CheckBody body) {
        Check check;
        try {
            check = new Check(name, true, body.run());
        } catch (Exception | LinkageError e) {
            check = new Check(name, false, reason(e));
        }
        checks.add(check);
        return check;
    }

    /** Records a verdict reached without running a body. */
    Check add(Check check) {
        checks.add(check);
        return check;
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    boolean allPassed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** 0 if every check passed, else 1. */
    int exitStatus() {
        return allPassed() ? 0 : 1;
    }

    /** The check lines, then a summary line. */
    List<String> lines() {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Check check : checks) {
            lines.add(check.line(width));
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        if (checks.isEmpty()) {
            lines.add("FAIL: no checks ran");
        } else if (failed == 0) {
            lines.add("All " + checks.size() + " checks passed.");
        } else {
            lines.add(failed + " of " + checks.size() + " checks failed.");
        }
        return lines;
    }

    /** The exception's type and message, and its cause's if that says more. */
    static String reason(Throwable failure) {
        String text = describe(failure);
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && cause.getMessage() != null
                && !text.contains(cause.getMessage())) {
            text += " (caused by " + describe(cause) + ")";
        }
        return text;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static String oneLine(String detail) {
        if (detail == null || detail.isBlank()) {
            return "-";
        }
        return detail.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
