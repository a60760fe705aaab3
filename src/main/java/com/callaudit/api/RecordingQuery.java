package com.callaudit.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server-side filters and page size of a recordings list.
 *
 * <p>Immutable; each {@code with…} method returns a changed copy. Dates are calendar days
 * as SignalWire counts them (UTC). Blank SIDs mean "no filter".
 */
public final class RecordingQuery {

    /** SignalWire's own default page size. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page SignalWire serves. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final LocalDate createdOn;
    private final LocalDate createdAfter;
    private final LocalDate createdBefore;
    private final String callSid;
    private final String conferenceSid;
    private final int pageSize;

    private RecordingQuery(LocalDate createdOn, LocalDate createdAfter,
            LocalDate createdBefore, String callSid, String conferenceSid, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        this.createdOn = createdOn;
        this.createdAfter = createdAfter;
        this.createdBefore = createdBefore;
        this.callSid = blankToNull(callSid);
        this.conferenceSid = blankToNull(conferenceSid);
        this.pageSize = pageSize;
    }

    /** Every recording of the space, newest first, in pages of the default size. */
    public static RecordingQuery all() {
        return new RecordingQuery(null, null, null, null, null, DEFAULT_PAGE_SIZE);
    }

    /** Only recordings created on this day ({@code DateCreated}). */
    public RecordingQuery withCreatedOn(LocalDate day) {
        return new RecordingQuery(day, createdAfter, createdBefore, callSid,
                conferenceSid, pageSize);
    }

    /** Only recordings created after this day ({@code DateCreated>}). */
    public RecordingQuery withCreatedAfter(LocalDate day) {
        return new RecordingQuery(createdOn, day, createdBefore, callSid,
                conferenceSid, pageSize);
    }

    /** Only recordings created before this day ({@code DateCreated<}). */
    public RecordingQuery withCreatedBefore(LocalDate day) {
        return new RecordingQuery(createdOn, createdAfter, day, callSid,
                conferenceSid, pageSize);
    }

    /** Only the recordings of one call ({@code CallSid}). */
    public RecordingQuery withCallSid(String sid) {
        return new RecordingQuery(createdOn, createdAfter, createdBefore, sid,
                conferenceSid, pageSize);
    }

    /** Only the recordings of one conference ({@code ConferenceSid}). */
    public RecordingQuery withConferenceSid(String sid) {
        return new RecordingQuery(createdOn, createdAfter, createdBefore, callSid,
                sid, pageSize);
    }

    /** Recordings per page, 1 to 1000. */
    public RecordingQuery withPageSize(int size) {
        return new RecordingQuery(createdOn, createdAfter, createdBefore, callSid,
                conferenceSid, size);
    }

    public int pageSize() {
        return pageSize;
    }

    /** Whether any filter narrows the list (the page size is not a filter). */
    public boolean isFiltered() {
        return createdOn != null || createdAfter != null || createdBefore != null
                || callSid != null || conferenceSid != null;
    }

    /** The query parameters in the order SignalWire documents them, unencoded. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        putDate(parameters, "DateCreated", createdOn);
        putDate(parameters, "DateCreated<", createdBefore);
        putDate(parameters, "DateCreated>", createdAfter);
        if (callSid != null) {
            parameters.put("CallSid", callSid);
        }
        if (conferenceSid != null) {
            parameters.put("ConferenceSid", conferenceSid);
        }
        parameters.put("PageSize", Integer.toString(pageSize));
        return parameters;
    }

    private static void putDate(Map<String, String> parameters, String key, LocalDate day) {
        if (day != null) {
            parameters.put(key, SignalWireDates.filterValue(day));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordingQuery that
                && pageSize == that.pageSize
                && Objects.equals(createdOn, that.createdOn)
                && Objects.equals(createdAfter, that.createdAfter)
                && Objects.equals(createdBefore, that.createdBefore)
                && Objects.equals(callSid, that.callSid)
                && Objects.equals(conferenceSid, that.conferenceSid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(createdOn, createdAfter, createdBefore, callSid,
                conferenceSid, pageSize);
    }

    @Override
    public String toString() {
        return "RecordingQuery" + parameters();
    }
}
