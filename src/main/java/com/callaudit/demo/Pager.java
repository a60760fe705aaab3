package com.callaudit.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts one page out of a newest-first sequence without looking at more of it than the
 * page needs, plus one item to learn whether a next page exists.
 *
 * <p>Page tokens are {@code PA} + the SID of the previous page's last item (next) and
 * {@code PB} + the SID of the following page's first item (previous), as on Twilio.
 */
final class Pager {

    /** A newest-first sequence of items at fixed positions. */
    interface Sequence<T> {

        /** Positions {@code [from, to)} may match; others never do. */
        int from();

        int to();

        /** The item at {@code position} if it passes the filters and is live, else null. */
        T matchAt(int position);

        /** The position of an item's SID, or -1 if it never existed. */
        int positionOf(String sid);

        String sidOf(T item);
    }

    /** One page: its items, and the tokens for its neighbours (null when none). */
    record Page<T>(List<T> items, String nextToken, String previousToken) {
    }

    private Pager() {
    }

    static <T> Page<T> page(Sequence<T> sequence, ListRequest request) throws ApiError {
        List<Integer> positions;
        String token = request.pageToken();
        if (token == null) {
            positions = forward(sequence, sequence.from(), request.pageSize());
        } else {
            int anchor = anchor(sequence, token);
            positions = token.startsWith("PA")
                    ? forward(sequence, anchor + 1, request.pageSize())
                    : backward(sequence, anchor, request.pageSize());
        }

        List<T> items = new ArrayList<>(positions.size());
        for (int position : positions) {
            items.add(sequence.matchAt(position));
        }
        int resumeAt = positions.isEmpty() ? sequence.to()
                : positions.get(positions.size() - 1) + 1;
        boolean hasNext = !items.isEmpty() && firstMatch(sequence, resumeAt) >= 0;
        String next = hasNext ? "PA" + sequence.sidOf(items.get(items.size() - 1)) : null;
        String previous = request.page() > 0 && !items.isEmpty()
                ? "PB" + sequence.sidOf(items.get(0)) : null;
        return new Page<>(items, next, previous);
    }

    private static <T> int anchor(Sequence<T> sequence, String token) throws ApiError {
        boolean known = token.length() > 2
                && (token.startsWith("PA") || token.startsWith("PB"));
        int position = known ? sequence.positionOf(token.substring(2)) : -1;
        if (position < 0) {
            throw new ApiError(400, 54453, "The PageToken '" + token + "' is not valid;"
                    + " use the next_page_uri or previous_page_uri exactly as given");
        }
        return position;
    }

    private static <T> List<Integer> forward(Sequence<T> sequence, int start, int size) {
        List<Integer> positions = new ArrayList<>(size);
        int position = Math.max(start, sequence.from());
        for (; position < sequence.to() && positions.size() < size; position++) {
            if (sequence.matchAt(position) != null) {
                positions.add(position);
            }
        }
        return positions;
    }

    private static <T> List<Integer> backward(Sequence<T> sequence, int end, int size) {
        List<Integer> positions = new ArrayList<>(size);
        int position = Math.min(end, sequence.to()) - 1;
        for (; position >= sequence.from() && positions.size() < size; position--) {
            if (sequence.matchAt(position) != null) {
                positions.add(position);
            }
        }
        Collections.reverse(positions);
        return positions;
    }

    private static <T> int firstMatch(Sequence<T> sequence, int start) {
        for (int position = start; position < sequence.to(); position++) {
            if (sequence.matchAt(position) != null) {
                return position;
            }
        }
        return -1;
    }
}
