package com.callaudit.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one list envelope, record by record, and decides whether its next link is
 * safe to follow: on the space's own origin, under the API of this project, not seen
 * before in this listing, and after a page that had something on it.
 *
 * <p>It reads the page's bytes as a stream of tokens, never as a tree, and cuts each
 * record's raw JSON out of them. The envelope's keys may come in any order, and a
 * repeated key counts as its last value, as in a JSON tree. One instance per page.
 */
final class PageReader {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper();

    /** Said by {@link #nextLinkInHead} when it needs more of the page. */
    static final URI SEE_MORE = URI.create("callaudit:see-more");

    private final RecordingQuery query;
    private final SpaceAddress space;
    private final String projectId;
    private final Set<String> trail;
    private final RecordReader records = new RecordReader();

    // What the envelope said so far.
    private String nextLink;
    private boolean nextSeen;
    private int page;
    private boolean hasItems;
    private int itemCount;
    private List<Recording> recordings = List.of();
    private List<RecordProblem> problems = List.of();
    private boolean offeredEarly;

    PageReader(RecordingQuery query, SpaceAddress space, String projectId, Set<String> trail) {
        this.query = query;
        this.space = space;
        this.projectId = projectId;
        this.trail = trail;
    }

    /** Reads a page from its tree; for tests, which write pages by hand. */
    RecordingPage read(JsonNode envelope) throws SignalWireException {
        byte[] body;
        try {
            body = TREES.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree to bytes", e);
        }
        return read(body, null);
    }

    /**
     * Reads a page from the bytes the space sent.
     *
     * @param early when the next-page link comes before the records (as SignalWire and
     *     the demo space write it) and would be followed, it is given here before the
     *     records are read, so the next page can be asked for meanwhile; the returned
     *     page's own {@link RecordingPage#nextUri()} is the decision that counts (a
     *     repeated key may still change it). May be null.
     * @throws SignalWireException when the bytes are not a JSON object with a list of
     *     recordings
     */
    RecordingPage read(byte[] body, Consumer<URI> early) throws SignalWireException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadableJson(null);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                switch (key) {
                    case "recordings" -> readRecordings(parser, body, early);
                    case "next_page_uri" -> {
                        nextSeen = true;
                        nextLink = RecordReader.text(parser);
                    }
                    case "page" -> page = pageNumber(parser);
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw unreadableJson(null);
            }
        } catch (SignalWireException e) {
            throw e;
        } catch (IOException e) {
            throw unreadableJson(e);
        }
        if (!hasItems) {
            throw SignalWireException.unreadable("The space sent a recordings list without "
                    + "its list of recordings; CallAudit cannot read it.", 200, null);
        }
        Decision decision = decide(nextLink, itemCount);
        if (decision.next() != null) {
            trail.add(trailKey(decision.next()));
        }
        return new RecordingPage(query, page, recordings, problems, decision.next(),
                decision.problem(), trail);
    }

    /**
     * What the first bytes of a page, the rest still to come, say of its next link: the
     * link to follow if it came before the records, and the page has records; null when
     * it will not be known before the whole page is read (the key comes later, or it is
     * not a link to follow); {@link #SEE_MORE} when the bytes end too early to tell.
     * Changes nothing, so any thread may ask while the page is still arriving.
     */
    URI nextLinkInHead(byte[] prefix, int length) {
        try (JsonParser parser = FACTORY.createParser(prefix, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String link = null;
            boolean seen = false;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (parser.nextToken() == null) {
                    return SEE_MORE;
                }
                if (key.equals("recordings")) {
                    if (!seen || parser.currentToken() != JsonToken.START_ARRAY) {
                        return null;
                    }
                    JsonToken first = parser.nextToken();
                    return first == null ? SEE_MORE
                            : decide(link, first == JsonToken.END_ARRAY ? 0 : 1).next();
                }
                if (key.equals("next_page_uri")) {
                    seen = true;
                    link = RecordReader.text(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return token == null ? SEE_MORE : null;
        } catch (JsonEOFException cut) {
            return SEE_MORE;
        } catch (IOException notJson) {
            return null;
        }
    }

    private void readRecordings(JsonParser parser, byte[] body, Consumer<URI> early)
            throws IOException {
        hasItems = parser.currentToken() == JsonToken.START_ARRAY;
        recordings = new ArrayList<>();
        problems = new ArrayList<>();
        itemCount = 0;
        if (!hasItems) {
            parser.skipChildren();
            return;
        }
        JsonToken token = parser.nextToken();
        offerEarly(early, token != JsonToken.END_ARRAY);
        while (token != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("the list of recordings ends too early");
            }
            int index = itemCount++;
            try {
                recordings.add(records.read(parser, body));
            } catch (RecordReader.BadRecord bad) {
                problems.add(new RecordProblem(index, bad.sid(), "Record " + (index + 1)
                        + " of the page could not be read: " + bad.getMessage() + "."));
            }
            token = parser.nextToken();
        }
    }

    private void offerEarly(Consumer<URI> early, boolean pageHasItems) {
        if (early == null || offeredEarly || !nextSeen) {
            return;
        }
        offeredEarly = true;
        Decision decision = decide(nextLink, pageHasItems ? 1 : 0);
        if (decision.next() != null) {
            early.accept(decision.next());
        }
    }

    // Whether to follow the link; changes nothing, so it may be asked early.
    private Decision decide(String link, int items) {
        if (link == null || link.isBlank()) {
            return new Decision(null, null);
        }
        String problem = null;
        URI next = null;
        try {
            next = space.resolve(link.strip());
        } catch (IllegalArgumentException e) {
            problem = "the space's next-page link is not a valid address";
        }
        if (problem == null) {
            problem = refusal(next, items);
        }
        if (problem != null) {
            return new Decision(null, "Paging stopped: " + problem
                    + ". The list may be incomplete.");
        }
        return new Decision(next, null);
    }

    private String refusal(URI next, int items) {
        if (!space.isSameOrigin(next)) {
            return "the space's next-page link points to another host ("
                    + next.getHost() + "), where CallAudit does not send your credentials";
        }
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        String account = "/2010-04-01/Accounts/" + projectId + "/";
        if (!path.startsWith("/api/laml" + account) && !path.startsWith(account)) {
            return "the space's next-page link is not an address of this project's API";
        }
        if (items == 0) {
            return "the space sent an empty page that still pointed to a next one";
        }
        if (trail.contains(trailKey(next))) {
            return "the space sent a next-page link that was already fetched";
        }
        return null;
    }

    static String trailKey(URI uri) {
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** As a JSON tree's {@code asInt(0)}. */
    private static int pageNumber(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> parser.getIntValue();
                case LONG -> (int) parser.getLongValue();
                default -> parser.getBigIntegerValue().intValue();
            };
            case VALUE_NUMBER_FLOAT -> (int) parser.getDoubleValue();
            case VALUE_STRING -> NumberInput.parseAsInt(parser.getText(), 0);
            case VALUE_TRUE -> 1;
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield 0;
            }
            default -> 0;
        };
    }

    private static SignalWireException unreadableJson(Throwable cause) {
        return SignalWireException.unreadable("The space sent the recordings list as "
                + "something CallAudit cannot read (broken or cut-off JSON). Try again; if "
                + "it keeps happening, a proxy may be altering it.", 200, cause);
    }

    private record Decision(URI next, String problem) {
    }
}
