package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSpaceRecordingJsonTest {

    private static final List<String> CURRENT_KEYS = List.of("sid", "account_sid",
            "api_version", "call_sid", "conference_sid", "channel", "channels",
            "date_created", "date_updated", "start_time", "end_time", "duration", "price",
            "price_unit", "source", "status", "error_code", "uri", "subresource_uris",
            "encryption_details", "trim");
    private static final List<String> LEGACY_KEYS = List.of("sid", "api_version",
            "channel", "channels", "account_sid", "call_sid", "conference_sid",
            "date_created", "date_updated", "duration", "start_time", "end_time",
            "error_code", "price", "price_unit", "source", "status", "uri",
            "subresource_uris");
    private static final Pattern RFC_2822 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
            + "\\d{2}:\\d{2}:\\d{2} \\+0000");

    private static DemoSpace space;
    private static DemoClient client;

    @BeforeAll
    static void startSpace() throws Exception {
        space = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(40));
        client = new DemoClient(space);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @Test
    void everyRecordingHasTheCurrentFieldsInOrderWithSignalWiresTypes() {
        for (JsonNode recording : allRecordings()) {
            assertThat(DemoClient.keys(recording)).containsExactlyElementsOf(CURRENT_KEYS);
            assertThat(recording.path("channel").isTextual()).isTrue();
            assertThat(recording.path("channels").asText()).isIn("1", "2")
                    .isEqualTo(recording.path("channel").asText());
            assertThat(recording.path("duration").isInt()).isTrue();
            assertThat(recording.path("price").isTextual()
                    || recording.path("price").isNull()).isTrue();
            assertThat(recording.path("account_sid").asText())
                    .isEqualTo(DemoSpace.PROJECT_ID);
            assertThat(recording.path("encryption_details").isNull()).isTrue();
            assertThat(recording.path("trim").asText()).isIn("trim-silence", "do-not-trim");
            assertThat(recording.path("subresource_uris").path("transcriptions").asText())
                    .isEqualTo(DemoClient.ACCOUNT + "/Recordings/"
                            + recording.path("sid").asText() + "/Transcriptions.json");
        }
    }

    @Test
    void callRecordingUriIsCallScopedAndConferenceOneConferenceScoped() {
        List<JsonNode> all = allRecordings();
        JsonNode call = all.stream().filter(r -> !r.path("call_sid").isNull())
                .findFirst().orElseThrow();
        JsonNode conference = all.stream().filter(r -> !r.path("conference_sid").isNull())
                .findFirst().orElseThrow();

        assertThat(call.path("uri").asText()).isEqualTo(DemoClient.ACCOUNT + "/Calls/"
                + call.path("call_sid").asText() + "/Recordings/"
                + call.path("sid").asText() + ".json");
        assertThat(conference.path("call_sid").isNull()).isTrue();
        assertThat(conference.path("uri").asText()).isEqualTo(DemoClient.ACCOUNT
                + "/Conferences/" + conference.path("conference_sid").asText()
                + "/Recordings/" + conference.path("sid").asText() + ".json");
    }

    @Test
    void recordingsAreReachableAtTheirOwnUri() {
        for (JsonNode recording : allRecordings().subList(0, 20)) {
            JsonNode fetched = client.getJson(recording.path("uri").asText());

            assertThat(fetched).isEqualTo(recording);
        }
    }

    @Test
    void nestedRouteOfTheWrongParentIs404() {
        JsonNode call = allRecordings().stream()
                .filter(r -> !r.path("call_sid").isNull()).findFirst().orElseThrow();
        String wrong = DemoClient.ACCOUNT + "/Calls/00000000-0000-4000-8000-000000000000"
                + "/Recordings/" + call.path("sid").asText() + ".json";

        assertThat(client.get(wrong).statusCode()).isEqualTo(404);
    }

    @Test
    void datesAreRfc2822InEnglishWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        List<JsonNode> recordings;
        try {
            Locale.setDefault(Locale.GERMANY);

            recordings = allRecordings();
        } finally {
            Locale.setDefault(original);
        }

        for (JsonNode recording : recordings) {
            assertThat(recording.path("date_created").asText()).matches(RFC_2822);
            assertThat(recording.path("date_updated").asText()).matches(RFC_2822);
            assertThat(recording.path("start_time").asText()).matches(RFC_2822);
            if (!recording.path("end_time").isNull()) {
                assertThat(recording.path("end_time").asText()).matches(RFC_2822);
            }
        }
    }

    @Test
    void legacyJsonHasThe2018KeyOrderAndNumericPrice() throws Exception {
        try (DemoSpace legacy = DemoSpace.start(new DemoSpace.Config().legacyJson(true))) {
            DemoClient legacyClient = new DemoClient(legacy);

            JsonNode page = legacyClient.getJson(DemoClient.ACCOUNT + "/Recordings.json");

            assertThat(page.path("recordings")).isNotEmpty();
            for (JsonNode recording : page.path("recordings")) {
                assertThat(DemoClient.keys(recording)).containsExactlyElementsOf(LEGACY_KEYS);
                assertThat(recording.path("price").isNumber()).isTrue();
                assertThat(recording.path("channels").isTextual()).isTrue();
                assertThat(recording.path("duration").isInt()).isTrue();
            }
            assertThat(page.path("recordings").findValues("price"))
                    .anySatisfy(price -> assertThat(price.asDouble()).isEqualTo(0.0));
        }
    }

    private static List<JsonNode> allRecordings() {
        List<JsonNode> all = new ArrayList<>();
        client.getJson(DemoClient.ACCOUNT + "/Recordings.json?PageSize=1000")
                .path("recordings").forEach(all::add);
        return all;
    }
}
