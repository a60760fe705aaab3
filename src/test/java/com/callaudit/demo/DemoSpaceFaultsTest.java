package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callaudit.demo.FaultPlan.Body;
import com.callaudit.demo.FaultPlan.NextLink;
import com.callaudit.demo.FaultPlan.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo space's fault mode does what its plan says, and nothing when it is empty. */
class DemoSpaceFaultsTest {

    /** billing-question in the catalog: completed, two channels, WAV and MP3. */
    private static final String STEREO = "6b48a426-a8ae-4180-aba9-6641c9e96dfa";
    private static final String LIST = DemoClient.ACCOUNT + "/Recordings.json?PageSize=5";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoSpace space;
    private static DemoClient client;

    @BeforeAll
    static void startSpace() throws IOException {
        space = DemoSpace.start();
        client = new DemoClient(space);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @AfterEach
    void clearFaults() {
        space.faults().clear();
    }

    @Test
    void anEmptyPlanChangesNothing() {
        byte[] before = client.get(LIST).body();
        space.faults().truncateJson().driftTypes().clear();

        byte[] after = client.get(LIST).body();

        assertThat(after).isEqualTo(before);
    }

    @Test
    void aCountedStatusAnswersThatManyRequestsOfItsRouteThenStops() {
        space.faults().status(502, Body.HTML, Route.LIST, 2);

        int media = client.getWithoutAuth(wav(STEREO)).statusCode();
        HttpResponse<byte[]> first = client.get(LIST);
        int second = client.get(LIST).statusCode();
        int third = client.get(LIST).statusCode();

        assertThat(media).isEqualTo(200);
        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("<html>");
        assertThat(second).isEqualTo(502);
        assertThat(third).isEqualTo(200);
    }

    @Test
    void statusBodiesComeAsJsonOrEmpty() {
        space.faults().status(503, Body.JSON, Route.ANY, 1)
                .status(500, Body.EMPTY, Route.ANY, 1);

        HttpResponse<byte[]> json = client.get(LIST);
        HttpResponse<byte[]> empty = client.get(LIST);

        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(DemoClient.json(json).path("code").asInt()).isEqualTo(20504);
        assertThat(empty.statusCode()).isEqualTo(500);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void rateLimitingCarriesRetryAfter() {
        space.faults().retryAfter("1", 1);

        HttpResponse<byte[]> limited = client.get(LIST);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(DemoClient.json(limited).path("code").asInt()).isEqualTo(20429);
    }

    @Test
    void aCutBodyEndsTheConnectionBeforeTheAnnouncedLength() {
        space.faults().cutBodyAfter(100, Route.MEDIA);

        assertThatThrownBy(() -> client.getWithoutAuth(wav(STEREO)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(client.get(LIST).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedAndInvalidJsonDoNotParse() {
        space.faults().truncateJson();
        byte[] truncated = client.get(LIST).body();
        space.faults().clear().invalidJson();
        byte[] invalid = client.get(LIST).body();

        assertThatThrownBy(() -> JSON.readTree(truncated)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JSON.readTree(invalid)).isInstanceOf(IOException.class);
    }

    @Test
    void driftedTypesKeepEveryValuesMeaning() {
        JsonNode plain = client.getJson(LIST).path("recordings");
        space.faults().driftTypes();

        JsonNode drifted = client.getJson(LIST).path("recordings");

        assertThat(drifted.get(0).path("channels").isNumber()).isTrue();
        assertThat(drifted.get(0).path("channels").asInt())
                .isEqualTo(plain.get(0).path("channels").asInt());
        assertThat(drifted.get(1).path("duration").isTextual()).isTrue();
        assertThat(drifted.get(1).path("duration").asInt())
                .isEqualTo(plain.get(1).path("duration").asInt());
        assertThat(drifted.get(1).path("start_time").isNull()).isTrue();
    }

    @Test
    void unknownKeysAndACorruptRecordAppearOnEveryPage() {
        space.faults().addUnknownKeys().corruptRecord(1);

        JsonNode page = client.getJson(LIST);

        assertThat(page.has("x_demo_region")).isTrue();
        assertThat(page.path("recordings").get(0).has("x_storage")).isTrue();
        assertThat(page.path("recordings").get(1).path("sid").isNull()).isTrue();
        assertThat(page.path("recordings").get(2).path("sid").isTextual()).isTrue();
    }

    @Test
    void nextLinksRepeatPointElsewhereOrLoseTheirPrefix() {
        space.faults().nextPageUri(NextLink.REPEAT);
        String repeat = client.getJson(LIST).path("next_page_uri").asText();
        space.faults().nextPageUri(NextLink.OTHER_HOST);
        String other = client.getJson(LIST).path("next_page_uri").asText();
        space.faults().nextPageUri(NextLink.NO_PREFIX);
        String bare = client.getJson(LIST).path("next_page_uri").asText();

        assertThat(repeat).isEqualTo(LIST);
        assertThat(URI.create(other).getHost()).isEqualTo("localhost");
        assertThat(bare).startsWith("/Accounts/" + DemoSpace.PROJECT_ID + "/Recordings?");
    }

    @Test
    void emptyPagesStillLinkToANextOne() {
        space.faults().emptyPagesWithNext();

        JsonNode page = client.getJson(DemoClient.ACCOUNT + "/Recordings.json");

        assertThat(page.path("recordings")).isEmpty();
        assertThat(page.path("next_page_uri").isTextual()).isTrue();
    }

    @Test
    void mediaRedirectsToTheOtherOriginWithPathAndQuery() {
        space.faults().redirectMediaTo(URI.create("http://127.0.0.1:9"));

        HttpResponse<byte[]> moved = client.getWithoutAuth(wav(STEREO) + "?x=1");

        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:9" + wav(STEREO) + "?x=1");
    }

    @Test
    void ignoringRangeSendsTheWholeFileWithoutAdvertisingRanges() {
        int length = client.getWithoutAuth(wav(STEREO)).body().length;
        space.faults().ignoreRange();

        HttpResponse<byte[]> answer = client.send("GET", wav(STEREO), null,
                "Range", "bytes=100-199");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).hasSize(length);
        assertThat(answer.headers().firstValue("Accept-Ranges")).isEmpty();
    }

    @Test
    void bytesThatAreNotAudioAreStillLabelledAsAudio() {
        space.faults().mediaNotAudio();

        HttpResponse<byte[]> answer = client.getWithoutAuth(wav(STEREO));

        assertThat(answer.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).startsWith(
                "<!DOCTYPE html>");
    }

    @Test
    void wavsComeAsMuLawOrExtensibleWithTheSameLength() {
        byte[] plain = client.getWithoutAuth(wav(STEREO)).body();
        space.faults().serveMulaw();
        byte[] mulaw = client.getWithoutAuth(wav(STEREO)).body();
        space.faults().serveExtensible();
        byte[] extensible = client.getWithoutAuth(wav(STEREO)).body();

        assertThat(formatTag(plain)).isEqualTo(1);
        assertThat(formatTag(mulaw)).isEqualTo(7);
        assertThat(dataLength(mulaw) * 2).isEqualTo(dataLength(plain));
        assertThat(formatTag(extensible)).isEqualTo(0xFFFE);
        assertThat(Arrays.copyOfRange(extensible, 68, extensible.length))
                .isEqualTo(Arrays.copyOfRange(plain, 44, plain.length));
    }

    private static String wav(String sid) {
        return DemoClient.ACCOUNT + "/Recordings/" + sid + ".wav";
    }

    private static int formatTag(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getShort(20) & 0xFFFF;
    }

    /** The size the data chunk declares, found by walking the chunks. */
    private static int dataLength(byte[] wav) {
        ByteBuffer file = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = new String(wav, at, 4, StandardCharsets.US_ASCII);
            int size = file.getInt(at + 4);
            if (id.equals("data")) {
                return size;
            }
            at += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk");
    }
}
