package com.callaudit.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one list envelope, record by record, and decides whether its next link is
 * safe to follow: on the space's own origin, under the API of this project, not seen
 * before in this listing, and after a page that had something on it.
 */
final class PageReader {

    private final RecordingQuery query;
    private final SpaceAddress space;
    private final String projectId;
    private final Set<String> trail;

    PageReader(RecordingQuery query, SpaceAddress space, String projectId, Set<String> trail) {
        this.query = query;
        this.space = space;
        this.projectId = projectId;
        this.trail = trail;
    }

    RecordingPage read(JsonNode envelope) throws SignalWireException {
        JsonNode items = envelope.get("recordings");
        if (items == null || !items.isArray()) {
            throw SignalWireException.unreadable("The space sent a recordings list without "
                    + "its list of recordings; CallAudit cannot read it.", 200, null);
        }
        List<Recording> recordings = new ArrayList<>(items.size());
        List<RecordProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                recordings.add(Recording.fromJson(item));
            } catch (RuntimeException e) {
                problems.add(new RecordProblem(i, item.path("sid").asText(""),
                        "Record " + (i + 1) + " of the page could not be read: "
                                + e.getMessage() + "."));
            }
        }
        int page = envelope.path("page").asInt(0);
        return followable(envelope.get("next_page_uri"), items.size(), page, recordings,
                problems);
    }

    private RecordingPage followable(JsonNode nextNode, int itemCount, int page,
            List<Recording> recordings, List<RecordProblem> problems) {
        if (nextNode == null || nextNode.isNull() || nextNode.asText().isBlank()) {
            return new RecordingPage(query, page, recordings, problems, null, null, trail);
        }
        String link = nextNode.asText().strip();
        String problem = null;
        URI next = null;
        try {
            next = space.resolve(link);
        } catch (IllegalArgumentException e) {
            problem = "the space's next-page link is not a valid address";
        }
        if (problem == null) {
            problem = refusal(next, itemCount);
        }
        if (problem != null) {
            return new RecordingPage(query, page, recordings, problems, null,
                    "Paging stopped: " + problem + ". The list may be incomplete.", trail);
        }
        trail.add(next.getRawPath() + "?" + next.getRawQuery());
        return new RecordingPage(query, page, recordings, problems, next, null, trail);
    }

    private String refusal(URI next, int itemCount) {
        if (!space.isSameOrigin(next)) {
            return "the space's next-page link points to another host ("
                    + next.getHost() + "), where CallAudit does not send your credentials";
        }
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        String account = "/2010-04-01/Accounts/" + projectId + "/";
        if (!path.startsWith("/api/laml" + account) && !path.startsWith(account)) {
            return "the space's next-page link is not an address of this project's API";
        }
        if (itemCount == 0) {
            return "the space sent an empty page that still pointed to a next one";
        }
        if (trail.contains(path + "?" + next.getRawQuery())) {
            return "the space sent a next-page link that was already fetched";
        }
        return null;
    }
}
