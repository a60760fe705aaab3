package com.callaudit.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of a recordings list, and where the list goes on.
 *
 * <p>The readable records are in {@link #recordings()}; records that could not be read are
 * in {@link #problems()}, so one bad record never sinks its page. {@link #hasNext()} is
 * true only when the space gave a next-page link that CallAudit will follow; when it gave
 * one that it will not follow (another host, a page already seen, after an empty page),
 * {@link #pagingProblem()} says why, so a partial list never passes for a complete one.
 */
public final class RecordingPage {

    private final RecordingQuery query;
    private final int page;
    private final List<Recording> recordings;
    private final List<RecordProblem> problems;
    private final URI next;
    private final String pagingProblem;
    private final Set<String> trail;

    RecordingPage(RecordingQuery query, int page, List<Recording> recordings,
            List<RecordProblem> problems, URI next, String pagingProblem, Set<String> trail) {
        this.query = query;
        this.page = page;
        this.recordings = List.copyOf(recordings);
        this.problems = List.copyOf(problems);
        this.next = next;
        this.pagingProblem = pagingProblem;
        this.trail = trail;
    }

    /** The filters this list was asked for. */
    public RecordingQuery query() {
        return query;
    }

    /** The page number the space gave, from 0. */
    public int page() {
        return page;
    }

    /** The readable recordings of this page, newest first. */
    public List<Recording> recordings() {
        return recordings;
    }

    /** The records of this page that could not be read. */
    public List<RecordProblem> problems() {
        return problems;
    }

    /** Whether there is a next page CallAudit will fetch. */
    public boolean hasNext() {
        return next != null;
    }

    /** Why paging stopped although the space offered more; empty when it ended normally. */
    public Optional<String> pagingProblem() {
        return Optional.ofNullable(pagingProblem);
    }

    URI nextUri() {
        return next;
    }

    // The page links already fetched in this listing, shared by its pages, so a link
    // that comes round again ends the listing instead of looping forever.
    Set<String> trail() {
        return trail;
    }

    @Override
    public String toString() {
        return "RecordingPage[page=" + page + ", " + recordings.size() + " recordings, "
                + problems.size() + " unreadable, hasNext=" + hasNext() + "]";
    }
}
