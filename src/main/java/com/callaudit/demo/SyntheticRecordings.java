package com.callaudit.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Any number of made-up recordings, each derived from its index alone, so a space of
 * 100,000 recordings costs a few arrays rather than 100,000 objects or files.
 *
 * <p>Index 0 is the newest; each next one is 20 s to 10 min older, starting before
 * {@code newerThanAll}. Audio reuses a real recording's files, and the duration and
 * channel count are that recording's, so metadata agrees with what is served. Roughly
 * one in eight is a conference recording, one in eight shares its call with the
 * previous index, and a few are {@code absent} (no audio). Thread-safe after
 * construction.
 */
final class SyntheticRecordings {

    private static final String[] CALL_SOURCES = {"DialVerb", "DialVerb", "DialVerb",
        "RecordVerb", "StartCallRecordingAPI", "OutboundAPI", "Trunking"};
    private static final String[] CONFERENCE_SOURCES =
            {"Conference", "StartConferenceRecording"};

    private final int count;
    private final long[] createdEpochSecond;
    private final List<Recording> monoSources;
    private final List<Recording> allSources;
    private final SidLookup lookup;

    /**
     * @param sources real, completed recordings with audio to borrow; not empty
     *     unless {@code count} is 0
     */
    SyntheticRecordings(int count, Instant newerThanAll, List<Recording> sources) {
        if (count > 0 && sources.isEmpty()) {
            throw new IllegalStateException(
                    "synthetic recordings need at least one real recording with audio");
        }
        this.count = count;
        this.allSources = List.copyOf(sources);
        List<Recording> mono = new ArrayList<>();
        for (Recording source : sources) {
            if (source.channels() == 1) {
                mono.add(source);
            }
        }
        this.monoSources = mono.isEmpty() ? allSources : List.copyOf(mono);
        this.createdEpochSecond = new long[count];
        long second = newerThanAll.getEpochSecond();
        for (int i = 0; i < count; i++) {
            second -= 20 + mix(i) % 581;
            createdEpochSecond[i] = second;
        }
        this.lookup = new SidLookup(count);
    }

    int count() {
        return count;
    }

    Instant createdAt(int index) {
        return Instant.ofEpochSecond(createdEpochSecond[index]);
    }

    /** The index of the synthetic recording with this SID, or -1. */
    int indexOf(String sid) {
        return lookup.indexOf(sid);
    }

    Recording at(int index) {
        long hash = mix(index);
        boolean conference = index % 8 == 6;
        boolean absent = hash % 31 == 7;
        List<Recording> pool = conference ? monoSources : allSources;
        Recording source = pool.get((int) ((hash >>> 8) % pool.size()));

        Instant created = createdAt(index);
        int duration = absent ? 0 : source.duration();
        String callSid = conference ? null : callSid(index);
        String conferenceSid = conference
                ? name("conference-" + index / 40).toString() : null;
        String[] sources = conference ? CONFERENCE_SOURCES : CALL_SOURCES;
        return new Recording(
                sid(index).toString(),
                callSid,
                conferenceSid,
                created,
                created.minusSeconds(duration),
                created,
                duration,
                source.channels(),
                absent ? "absent" : "completed",
                sources[(int) ((hash >>> 16) % sources.length)],
                absent ? null : price(duration),
                (hash >>> 24) % 5 == 0 ? "trim-silence" : "do-not-trim",
                null,
                absent ? null : source.media());
    }

    /** Each index that is 3 modulo 8 continues the call of the index before it. */
    private static String callSid(int index) {
        int callIndex = index % 8 == 3 ? index - 1 : index;
        return name("call-" + callIndex).toString();
    }

    /**
     * Calls are billed per started minute at a quarter cent, charges negative, written
     * with four decimals ("-0.0050"). Built from whole ten-thousandths rather than with
     * {@code String.format}, which took a third of the time the space spends on a page.
     */
    static String price(int durationSeconds) {
        int minutes = Math.max(1, (durationSeconds + 59) / 60);
        int tenThousandths = 25 * minutes;
        String decimals = Integer.toString(10_000 + tenThousandths % 10_000).substring(1);
        return "-" + tenThousandths / 10_000 + "." + decimals;
    }

    static UUID sid(int index) {
        return name("synthetic-" + index);
    }

    static UUID name(String what) {
        return UUID.nameUUIDFromBytes(
                ("callaudit-demo-" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** A fixed, well-spread hash of the index (SplitMix64's finaliser), never negative. */
    private static long mix(int index) {
        long z = index * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    /** SID to index via the SIDs' bits sorted, about 20 bytes per recording. */
    private static final class SidLookup {

        private final long[] high;
        private final long[] low;
        private final int[] index;

        SidLookup(int count) {
            long[][] rows = new long[count][];
            for (int i = 0; i < count; i++) {
                UUID sid = sid(i);
                rows[i] = new long[] {sid.getMostSignificantBits(),
                    sid.getLeastSignificantBits(), i};
            }
            Arrays.sort(rows, (a, b) -> a[0] != b[0]
                    ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            high = new long[count];
            low = new long[count];
            index = new int[count];
            for (int i = 0; i < count; i++) {
                high[i] = rows[i][0];
                low[i] = rows[i][1];
                index[i] = (int) rows[i][2];
            }
        }

        int indexOf(String sid) {
            UUID uuid;
            try {
                uuid = UUID.fromString(sid);
            } catch (IllegalArgumentException e) {
                return -1;
            }
            int at = Arrays.binarySearch(high, uuid.getMostSignificantBits());
            if (at < 0) {
                return -1;
            }
            while (at > 0 && high[at - 1] == high[at]) {
                at--;
            }
            for (; at < high.length && high[at] == uuid.getMostSignificantBits(); at++) {
                if (low[at] == uuid.getLeastSignificantBits()) {
                    return index[at];
                }
            }
            return -1;
        }
    }
}
