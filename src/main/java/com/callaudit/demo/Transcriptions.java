package com.callaudit.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The transcriptions of the real recordings that have one, newest first. A
 * transcription lives as long as its recording. Thread-safe.
 */
final class Transcriptions {

    /** One transcription; its dates follow its recording's by a few seconds. */
    record Transcription(String sid, Recording recording) {

        Instant dateCreated() {
            return recording.dateCreated().plusSeconds(15);
        }

        String price() {
            int minutes = Math.max(1, (recording.duration() + 59) / 60);
            return String.format(Locale.ROOT, "%.5f", -0.00025 * minutes);
        }
    }

    private final List<Transcription> all;
    private final Map<String, Integer> positions = new HashMap<>();
    private final RecordingIndex recordings;

    Transcriptions(List<Recording> real, RecordingIndex recordings) {
        List<Transcription> list = new ArrayList<>();
        for (Recording recording : real) {
            if (recording.transcription() != null) {
                String sid = SyntheticRecordings
                        .name("transcription-" + recording.sid()).toString();
                list.add(new Transcription(sid, recording));
            }
        }
        list.sort(Comparator.comparing(Transcription::dateCreated).reversed()
                .thenComparing(Transcription::sid));
        this.all = List.copyOf(list);
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).sid(), i);
        }
        this.recordings = recordings;
    }

    /** The live transcription with this SID, or null. */
    Transcription find(String sid) {
        Integer position = positions.get(sid);
        return position == null ? null : live(all.get(position));
    }

    /**
     * The transcriptions passing the request's date filters, and belonging to
     * {@code recordingSid} unless that is null.
     */
    Pager.Sequence<Transcription> sequence(ListRequest request, String recordingSid) {
        return new Pager.Sequence<>() {
            @Override
            public int from() {
                return 0;
            }

            @Override
            public int to() {
                return all.size();
            }

            @Override
            public Transcription matchAt(int position) {
                Transcription candidate = live(all.get(position));
                boolean matches = candidate != null
                        && request.dates().accepts(candidate.dateCreated())
                        && (recordingSid == null
                            || recordingSid.equals(candidate.recording().sid()));
                return matches ? candidate : null;
            }

            @Override
            public int positionOf(String sid) {
                return positions.getOrDefault(sid, -1);
            }

            @Override
            public String sidOf(Transcription item) {
                return item.sid();
            }
        };
    }

    private Transcription live(Transcription transcription) {
        return recordings.isDeleted(transcription.recording().sid()) ? null : transcription;
    }
}
