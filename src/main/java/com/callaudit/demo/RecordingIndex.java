package com.callaudit.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every recording of the demo space at a fixed position, newest first: the long
 * recordings, then the real ones, then the synthetic ones. Positions never move;
 * deleting a recording only marks it, so page tokens stay valid. Thread-safe.
 */
final class RecordingIndex {

    private final List<Recording> stored;
    private final Map<String, Integer> storedPositions = new HashMap<>();
    private final SyntheticRecordings synthetic;
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    /** @param stored real and long recordings in any order; synthetic are all older */
    RecordingIndex(List<Recording> stored, SyntheticRecordings synthetic) {
        List<Recording> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparing(Recording::dateCreated).reversed()
                .thenComparing(Recording::sid));
        this.stored = List.copyOf(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            storedPositions.put(sorted.get(i).sid(), i);
        }
        this.synthetic = synthetic;
    }

    /** Number of positions, deleted ones included. */
    int positions() {
        return stored.size() + synthetic.count();
    }

    Recording at(int position) {
        return position < stored.size() ? stored.get(position)
                : synthetic.at(position - stored.size());
    }

    Instant createdAt(int position) {
        return position < stored.size() ? stored.get(position).dateCreated()
                : synthetic.createdAt(position - stored.size());
    }

    /** The position of a SID, deleted or not, or -1 if the space never had it. */
    int positionOf(String sid) {
        Integer position = storedPositions.get(sid);
        if (position != null) {
            return position;
        }
        int index = synthetic.indexOf(sid);
        return index < 0 ? -1 : stored.size() + index;
    }

    boolean isDeleted(String sid) {
        return deleted.contains(sid);
    }

    /** The live recording with this SID, or null. */
    Recording find(String sid) {
        int position = positionOf(sid);
        return position < 0 || deleted.contains(sid) ? null : at(position);
    }

    /** Deletes a live recording; false if there was none. */
    boolean delete(String sid) {
        return positionOf(sid) >= 0 && deleted.add(sid);
    }

    int liveCount() {
        return positions() - deleted.size();
    }

    List<String> liveSids() {
        List<String> sids = new ArrayList<>(liveCount());
        for (int position = 0; position < positions(); position++) {
            String sid = position < stored.size() ? stored.get(position).sid()
                    : SyntheticRecordings.sid(position - stored.size()).toString();
            if (!deleted.contains(sid)) {
                sids.add(sid);
            }
        }
        return sids;
    }

    /**
     * The first position created before {@code instant}; {@link #positions()} if none.
     * Dates fall with position, so a date range is a run of positions.
     */
    int firstCreatedBefore(Instant instant) {
        int low = 0;
        int high = positions();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (createdAt(middle).isBefore(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The recordings a list request asks for, as a sequence the pager can cut. */
    Pager.Sequence<Recording> sequence(ListRequest request) {
        int from = firstCreatedBefore(request.dates().until());
        int to = firstCreatedBefore(request.dates().from());
        return new Pager.Sequence<>() {
            @Override
            public int from() {
                return from;
            }

            @Override
            public int to() {
                return to;
            }

            @Override
            public Recording matchAt(int position) {
                Recording recording = at(position);
                boolean matches = !deleted.contains(recording.sid())
                        && matchesOrUnset(request.callSid(), recording.callSid())
                        && matchesOrUnset(request.conferenceSid(),
                                recording.conferenceSid());
                return matches ? recording : null;
            }

            @Override
            public int positionOf(String sid) {
                return RecordingIndex.this.positionOf(sid);
            }

            @Override
            public String sidOf(Recording item) {
                return item.sid();
            }
        };
    }

    private static boolean matchesOrUnset(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(String.valueOf(actual));
    }
}
