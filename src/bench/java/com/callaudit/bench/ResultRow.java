package com.callaudit.bench;

/**
 * One line of the results table.
 *
 * @param figure the figure's number and name, as in the issue
 * @param callAudit what CallAudit measured
 * @param floor the same work done by the simplest thing that can do it; may be empty
 * @param target what the issue asks
 * @param judgeWorst judge the target on the worst sample rather than the median
 *     (for stalls, where one long one is what the user feels)
 * @param note how it was measured, in a few words
 */
record ResultRow(String figure, Samples callAudit, Samples floor, Target target,
        boolean judgeWorst, String note) {

    static ResultRow median(String figure, Samples callAudit, Samples floor, Target target,
            String note) {
        return new ResultRow(figure, callAudit, floor, target, false, note);
    }

    static ResultRow worst(String figure, Samples callAudit, Samples floor, Target target,
            String note) {
        return new ResultRow(figure, callAudit, floor, target, true, note);
    }

    /** A figure that could not be measured, and why. */
    static ResultRow failed(String figure, Target target, String why) {
        return new ResultRow(figure, new Samples(""), new Samples(""), target, false,
                "not measured: " + why);
    }

    double judged() {
        return judgeWorst ? callAudit.max() : callAudit.median();
    }

    double floorValue() {
        return judgeWorst ? floor.max() : floor.median();
    }

    /** CallAudit over the floor, or NaN when there is no floor. */
    double ratio() {
        if (floor.isEmpty() || callAudit.isEmpty() || floorValue() == 0) {
            return Double.NaN;
        }
        return judged() / floorValue();
    }

    String met() {
        if (callAudit.isEmpty()) {
            return "?";
        }
        return target.isMet(judged(), floorValue()) ? "yes" : "**no**";
    }
}
