package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSpaceListingTest {

    private static final String LIST = DemoClient.ACCOUNT + "/Recordings.json";

    private static DemoSpace space;
    private static DemoClient client;

    @BeforeAll
    static void startSpace() throws Exception {
        space = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(120));
        client = new DemoClient(space);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @Test
    void envelopeHasExactlySignalWiresKeysInOrder() {
        JsonNode page = client.getJson(LIST);

        assertThat(DemoClient.keys(page)).containsExactly("uri", "first_page_uri",
                "next_page_uri", "previous_page_uri", "page", "page_size", "recordings");
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("page_size").isInt()).isTrue();
        assertThat(page.path("page_size").asInt()).isEqualTo(50);
        assertThat(page.path("recordings")).hasSize(50);
        assertThat(page.path("previous_page_uri").isNull()).isTrue();
    }

    @Test
    void pageUrisHaveNoJsonExtensionAndNextCarriesTheLastSid() {
        JsonNode page = client.getJson(LIST + "?PageSize=7");

        String lastSid = page.path("recordings").get(6).path("sid").asText();
        assertThat(page.path("uri").asText())
                .isEqualTo(DemoClient.ACCOUNT + "/Recordings?Page=0&PageSize=7");
        assertThat(page.path("first_page_uri").asText()).isEqualTo(page.path("uri").asText());
        assertThat(page.path("next_page_uri").asText()).isEqualTo(DemoClient.ACCOUNT
                + "/Recordings?Page=1&PageSize=7&PageToken=PA" + lastSid);
    }

    @Test
    void followsNextPageUriToTheEndWithoutDuplicatesNewestFirst() {
        List<JsonNode> all = client.allRecordings(LIST + "?PageSize=13");

        List<String> sids = all.stream().map(r -> r.path("sid").asText())
                .collect(Collectors.toList());
        assertThat(sids).doesNotHaveDuplicates();
        assertThat(sids).containsExactlyElementsOf(space.recordingSids());
        assertThat(sids).hasSize(space.recordingCount());
        List<ZonedDateTime> dates = all.stream().map(r -> ZonedDateTime.parse(
                r.path("date_created").asText(), DateTimeFormatter.RFC_1123_DATE_TIME))
                .collect(Collectors.toList());
        for (int i = 1; i < dates.size(); i++) {
            assertThat(dates.get(i)).isBeforeOrEqualTo(dates.get(i - 1));
        }
    }

    @Test
    void lastPageHasNullNextAndPreviousLeadsBack() {
        int count = space.recordingCount();
        int size = 10;
        int lastPage = (count - 1) / size;
        String next = LIST + "?PageSize=" + size;
        JsonNode page = null;
        JsonNode secondLast = null;

        for (int n = 0; n <= lastPage; n++) {
            secondLast = page;
            page = client.getJson(next);
            next = page.path("next_page_uri").asText(null);
        }
        JsonNode previous = client.getJson(page.path("previous_page_uri").asText());

        assertThat(page.path("next_page_uri").isNull()).isTrue();
        assertThat(page.path("page").asInt()).isEqualTo(lastPage);
        assertThat(page.path("recordings")).hasSize(count - lastPage * size);
        assertThat(previous.path("page").asInt()).isEqualTo(lastPage - 1);
        assertThat(sids(previous)).isEqualTo(sids(secondLast));
    }

    @Test
    void acceptsTheShortPrefixAndEchoesItInUris() {
        JsonNode page = client.getJson("/2010-04-01/Accounts/" + DemoSpace.PROJECT_ID
                + "/Recordings?PageSize=2");

        assertThat(page.path("uri").asText()).startsWith("/2010-04-01/Accounts/");
        assertThat(page.path("next_page_uri").asText()).startsWith("/2010-04-01/Accounts/");
        assertThat(page.path("recordings").get(0).path("uri").asText())
                .startsWith("/2010-04-01/Accounts/");
    }

    @Test
    void pageSizeOutsideOneToAThousandIsRejectedWithCode54454() {
        for (String size : new String[] {"0", "1001", "-3", "many"}) {
            HttpResponse<byte[]> response = client.get(LIST + "?PageSize=" + size);

            assertThat(response.statusCode()).as(size).isEqualTo(400);
            assertThat(DemoClient.json(response).path("code").asInt()).isEqualTo(54454);
        }
        assertThat(client.getJson(LIST + "?PageSize=1").path("recordings")).hasSize(1);
        assertThat(client.getJson(LIST + "?PageSize=1000").path("recordings"))
                .hasSize(space.recordingCount());
    }

    @Test
    void laterPageWithoutPageTokenIsRejectedWithCode54453() {
        HttpResponse<byte[]> response = client.get(LIST + "?Page=2&PageSize=5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DemoClient.json(response).path("code").asInt()).isEqualTo(54453);
    }

    @Test
    void unknownPageTokenIsRejectedWithCode54453() {
        String unknown = "PA00000000-0000-4000-8000-000000000000";
        for (String token : new String[] {unknown, "XYZ", "PA"}) {
            HttpResponse<byte[]> response =
                    client.get(LIST + "?Page=1&PageSize=5&PageToken=" + token);

            assertThat(response.statusCode()).as(token).isEqualTo(400);
            assertThat(DemoClient.json(response).path("code").asInt()).isEqualTo(54453);
        }
    }

    @Test
    void callSidFilterKeepsOnlyThatCallAndIsEchoedInNextPage() {
        String callSid = recordingWhere("call_sid", true).path("call_sid").asText();

        JsonNode page = client.getJson(LIST + "?PageSize=1&CallSid=" + callSid);
        List<JsonNode> all = client.allRecordings(LIST + "?PageSize=1&CallSid=" + callSid);

        assertThat(all).isNotEmpty().allSatisfy(recording ->
                assertThat(recording.path("call_sid").asText()).isEqualTo(callSid));
        assertThat(all).hasSize((int) everything().stream()
                .filter(r -> r.path("call_sid").asText().equals(callSid)).count());
        if (all.size() > 1) {
            assertThat(page.path("next_page_uri").asText()).contains("CallSid=" + callSid);
        }
    }

    @Test
    void callsShareSidsAmongSyntheticRecordings() {
        Set<String> seen = new HashSet<>();
        boolean shared = everything().stream()
                .map(r -> r.path("call_sid").asText())
                .filter(sid -> !sid.equals("null"))
                .anyMatch(sid -> !seen.add(sid));

        assertThat(shared).isTrue();
    }

    @Test
    void callRouteListsWhatTheCallSidFilterLists() {
        String callSid = recordingWhere("call_sid", true).path("call_sid").asText();

        List<String> filtered = sidsOf(client.allRecordings(LIST + "?CallSid=" + callSid));
        List<String> nested = sidsOf(client.allRecordings(DemoClient.ACCOUNT
                + "/Calls/" + callSid + "/Recordings.json?PageSize=1"));

        assertThat(filtered).isNotEmpty().isEqualTo(nested);
    }

    @Test
    void conferenceSidFilterAndConferenceRouteListTheSameRecordings() {
        String conferenceSid = recordingWhere("conference_sid", true)
                .path("conference_sid").asText();

        List<String> filtered = sidsOf(client.allRecordings(
                LIST + "?ConferenceSid=" + conferenceSid));
        List<String> nested = sidsOf(client.allRecordings(DemoClient.ACCOUNT
                + "/Conferences/" + conferenceSid + "/Recordings?PageSize=1"));

        assertThat(filtered).isNotEmpty().isEqualTo(nested);
        assertThat(everything().stream()
                .filter(r -> r.path("conference_sid").asText().equals(conferenceSid)))
                .hasSize(filtered.size());
    }

    @Test
    void dateCreatedKeepsRecordingsOfThatUtcDayInEveryAcceptedFormat() {
        JsonNode sample = everything().get(40);
        ZonedDateTime created = ZonedDateTime.parse(sample.path("date_created").asText(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
        String day = created.toLocalDate().toString();
        long expected = everything().stream().filter(r -> ZonedDateTime.parse(
                r.path("date_created").asText(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toLocalDate().toString().equals(day)).count();

        for (String value : new String[] {day, day + "T00:00:00Z",
            encode(created.format(DateTimeFormatter.RFC_1123_DATE_TIME))}) {
            List<JsonNode> matching = client.allRecordings(
                    LIST + "?PageSize=1000&DateCreated=" + value);

            assertThat(matching).as(value).hasSize((int) expected);
        }
    }

    @Test
    void dateCreatedBeforeAndAfterAreInclusiveAndSplitTheList() {
        List<JsonNode> all = everything();
        String pivot = all.get(60).path("date_created").asText();
        String encoded = encode(pivot);

        List<JsonNode> before = client.allRecordings(
                LIST + "?PageSize=1000&DateCreated%3C=" + encoded);
        List<JsonNode> after = client.allRecordings(
                LIST + "?PageSize=1000&DateCreated%3E=" + encoded);

        assertThat(sidsOf(before)).contains(all.get(60).path("sid").asText())
                .contains(all.get(all.size() - 1).path("sid").asText());
        assertThat(sidsOf(after)).contains(all.get(60).path("sid").asText())
                .contains(all.get(0).path("sid").asText());
        assertThat(before.size() + after.size()).isEqualTo(all.size() + 1);
    }

    @Test
    void dateFilterIsEchoedInPagingUris() {
        JsonNode page = client.getJson(LIST + "?PageSize=2&DateCreated%3C=2100-01-01");

        assertThat(page.path("uri").asText()).endsWith("&DateCreated%3C=2100-01-01");
        assertThat(page.path("next_page_uri").asText()).endsWith("&DateCreated%3C=2100-01-01");
    }

    @Test
    void filterMatchingNothingGivesAnEmptyArrayAndNoNextPage() {
        JsonNode page = client.getJson(LIST + "?CallSid=00000000-0000-4000-8000-000000000000");

        assertThat(page.path("recordings").isArray()).isTrue();
        assertThat(page.path("recordings")).isEmpty();
        assertThat(page.path("next_page_uri").isNull()).isTrue();
    }

    @Test
    void unparseableDateIsRejected() {
        HttpResponse<byte[]> response = client.get(LIST + "?DateCreated=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void includeSoftDeletedIsIgnored() {
        JsonNode plain = client.getJson(LIST + "?PageSize=5");
        JsonNode withFlag = client.getJson(LIST + "?PageSize=5&IncludeSoftDeleted=true");

        assertThat(sids(withFlag)).isEqualTo(sids(plain));
    }

    private static List<JsonNode> everything() {
        return client.allRecordings(LIST + "?PageSize=1000");
    }

    private static JsonNode recordingWhere(String field, boolean present) {
        return everything().stream()
                .filter(r -> r.path(field).isNull() != present)
                .findFirst().orElseThrow();
    }

    private static List<String> sids(JsonNode page) {
        return sidsOf(toList(page.path("recordings")));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static List<String> sidsOf(List<JsonNode> recordings) {
        return recordings.stream().map(r -> r.path("sid").asText())
                .collect(Collectors.toList());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
