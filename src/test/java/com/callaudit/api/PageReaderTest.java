package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "p1";
    private static final String LIST = "/api/laml/2010-04-01/Accounts/p1/Recordings";
    private final SpaceAddress space = SpaceAddress.parse("example");
    private final Set<String> trail = new HashSet<>();

    @Test
    void oneBrokenRecordDoesNotSinkItsPage() throws Exception {
        JsonNode envelope = envelope("[{\"sid\":\"a\"}, 42, {\"duration\":3},"
                + " {\"sid\":\"d\",\"duration\":\"oops\"}]", null);

        RecordingPage page = reader().read(envelope);

        assertThat(page.recordings()).extracting(Recording::sid).containsExactly("a", "d");
        assertThat(page.problems()).extracting(RecordProblem::index).containsExactly(1, 2);
        assertThat(page.problems().get(1).reason()).contains("no recording SID");
    }

    @Test
    void followsARelativeNextLinkOnTheSameSpace() throws Exception {
        RecordingPage page = reader().read(envelope("[{\"sid\":\"a\"}]",
                "\"" + LIST + "?Page=1&PageSize=1&PageToken=PAa\""));

        assertThat(page.hasNext()).isTrue();
        assertThat(page.nextUri().getHost()).isEqualTo("example.signalwire.com");
        assertThat(page.pagingProblem()).isEmpty();
    }

    @Test
    void endsNormallyOnANullNextLink() throws Exception {
        RecordingPage page = reader().read(envelope("[{\"sid\":\"a\"}]", null));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.pagingProblem()).isEmpty();
    }

    @Test
    void refusesANextLinkToAnotherHost() throws Exception {
        RecordingPage page = reader().read(envelope("[{\"sid\":\"a\"}]",
                "\"https://elsewhere.example.com" + LIST + "?Page=1\""));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("another host", "incomplete"));
    }

    @Test
    void refusesANextLinkOutsideTheProjectsApi() throws Exception {
        RecordingPage page = reader().read(envelope("[{\"sid\":\"a\"}]",
                "\"/Accounts/p1/Recordings?Page=1\""));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.pagingProblem()).isPresent();
    }

    @Test
    void stopsOnAnEmptyPageThatStillLinksOn() throws Exception {
        RecordingPage page = reader().read(envelope("[]", "\"" + LIST + "?Page=1\""));

        assertThat(page.hasNext()).isFalse();
        assertThat(page.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("empty page"));
    }

    @Test
    void stopsOnALinkAlreadyFetched() throws Exception {
        String link = "\"" + LIST + "?Page=1&PageToken=PAa\"";
        reader().read(envelope("[{\"sid\":\"a\"}]", link));

        RecordingPage again = reader().read(envelope("[{\"sid\":\"b\"}]", link));

        assertThat(again.hasNext()).isFalse();
        assertThat(again.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("already fetched"));
    }

    @Test
    void refusesAnEnvelopeWithoutRecordings() throws IOException {
        JsonNode envelope = JSON.readTree("{\"page\":0}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader().read(envelope))
                .isInstanceOf(SignalWireException.class);
    }

    @Test
    void keepsEachRecordsOwnBytesAsItsRawJson() throws Exception {
        String first = "{ \"sid\" : \"a\",\n \"note\":\"caf\\u00e9 \u00e9\","
                + " \"n\": 1.50 }";
        String second = "{\"sid\":\"b\",\"subresource_uris\":{\"t\":[1,{}]}}";
        byte[] body = ("{\"page\":0,\"recordings\":[ " + first + " ,\t" + second
                + "],\"next_page_uri\":null}").getBytes(StandardCharsets.UTF_8);

        RecordingPage page = reader().read(body, null);

        assertThat(page.recordings()).extracting(Recording::rawBytes).containsExactly(
                first.getBytes(StandardCharsets.UTF_8),
                second.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageNotInUtf8SaysWhichRecordsItCouldNotKeepInsteadOfFailing() throws Exception {
        byte[] body = ("{\"page\":0,\"recordings\":[{\"sid\":\"a\"},{\"sid\":\"b\"}],"
                + "\"next_page_uri\":null}").getBytes(StandardCharsets.UTF_16BE);

        RecordingPage page = reader().read(body, null);

        assertThat(page.recordings()).isEmpty();
        assertThat(page.problems()).hasSize(2).allSatisfy(problem ->
                assertThat(problem.reason()).contains("could not be located"));
    }

    @Test
    void offersANextLinkThatComesFirstBeforeReadingTheRecords() throws Exception {
        String link = LIST + "?Page=1&PageToken=PAa";
        List<URI> offered = new ArrayList<>();
        byte[] body = bytes(envelope("[{\"sid\":\"a\"},{\"sid\":\"b\"}]",
                "\"" + link + "\""));

        RecordingPage page = reader().read(body, next -> offered.add(next));

        assertThat(offered).containsExactly(page.nextUri());
        assertThat(page.nextUri().getRawQuery()).isEqualTo("Page=1&PageToken=PAa");
    }

    @Test
    void findsANextLinkThatComesAfterTheRecordsWithoutOfferingItEarly() throws Exception {
        List<URI> offered = new ArrayList<>();
        byte[] body = ("{\"recordings\":[{\"sid\":\"a\"}],\"next_page_uri\":\"" + LIST
                + "?Page=1&PageToken=PAa\",\"page\":\"0\"}")
                .getBytes(StandardCharsets.UTF_8);

        RecordingPage page = reader().read(body, offered::add);

        assertThat(offered).isEmpty();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void aRepeatedNextLinkCountsAsItsLastValueAsInATree() throws Exception {
        List<URI> offered = new ArrayList<>();
        byte[] body = ("{\"next_page_uri\":\"" + LIST + "?Page=1&PageToken=PAa\","
                + "\"recordings\":[{\"sid\":\"a\"}],\"next_page_uri\":null}")
                .getBytes(StandardCharsets.UTF_8);

        RecordingPage page = reader().read(body, offered::add);

        assertThat(offered).hasSize(1);
        assertThat(page.hasNext()).as("the last next_page_uri, null, wins").isFalse();
        assertThat(page.pagingProblem()).isEmpty();
    }

    @Test
    void offersNoLinkItWouldRefuse() throws Exception {
        List<URI> offered = new ArrayList<>();

        reader().read(bytes(envelope("[{\"sid\":\"a\"}]",
                "\"https://elsewhere.example.com" + LIST + "?Page=1\"")), offered::add);
        reader().read(bytes(envelope("[]", "\"" + LIST + "?Page=1\"")), offered::add);

        assertThat(offered).isEmpty();
    }

    @Test
    void refusesBrokenJsonWithTheClientsMessage() {
        byte[] cut = "{\"recordings\":[{\"sid\":\"a\"},{\"si"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader().read(cut, null))
                .isInstanceOf(SignalWireException.class)
                .hasMessageContaining("broken or cut-off JSON");
    }

    @Test
    void findsTheNextLinkInTheFirstBytesOfAPageStillArriving() throws Exception {
        byte[] body = bytes(envelope("[{\"sid\":\"a\"},{\"sid\":\"b\"}]",
                "\"" + LIST + "?Page=1&PageToken=PAa\""));
        int recordsStart = new String(body, StandardCharsets.UTF_8).indexOf("[{") + 2;

        URI tooEarly = reader().nextLinkInHead(body, recordsStart - 10);
        URI enough = reader().nextLinkInHead(body, recordsStart);

        assertThat(tooEarly).isSameAs(PageReader.SEE_MORE);
        assertThat(enough.getRawQuery()).isEqualTo("Page=1&PageToken=PAa");
        assertThat(trail).as("asking early changes nothing").isEmpty();
    }

    @Test
    void findsNoLinkInTheFirstBytesWhenItComesAfterTheRecordsOrWouldBeRefused()
            throws Exception {
        byte[] after = ("{\"recordings\":[{\"sid\":\"a\"}],\"next_page_uri\":\"" + LIST
                + "?Page=1\"}").getBytes(StandardCharsets.UTF_8);
        byte[] empty = bytes(envelope("[]", "\"" + LIST + "?Page=1\""));
        byte[] elsewhere = bytes(envelope("[{\"sid\":\"a\"}]",
                "\"https://elsewhere.example.com" + LIST + "?Page=1\""));

        assertThat(reader().nextLinkInHead(after, after.length)).isNull();
        assertThat(reader().nextLinkInHead(empty, empty.length)).isNull();
        assertThat(reader().nextLinkInHead(elsewhere, elsewhere.length)).isNull();
    }

    private static byte[] bytes(JsonNode envelope) throws IOException {
        return JSON.writeValueAsBytes(envelope);
    }

    private PageReader reader() {
        return new PageReader(RecordingQuery.all(), space, PROJECT, trail);
    }

    private static JsonNode envelope(String recordings, String next) throws IOException {
        return JSON.readTree("{\"uri\":\"" + LIST + "\",\"next_page_uri\":"
                + (next == null ? "null" : next) + ",\"page\":0,\"page_size\":50,"
                + "\"recordings\":" + recordings + "}");
    }
}
