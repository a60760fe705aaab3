package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSpaceMediaTest {

    private static DemoSpace space;
    private static DemoClient client;

    @BeforeAll
    static void startSpace() throws Exception {
        space = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(200));
        client = new DemoClient(space);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @Test
    void wavIsSixteenBitPcmWithAHeaderThatAgreesWithTheMetadata() {
        for (JsonNode recording : completed()) {
            String sid = recording.path("sid").asText();
            if (catalogRow(sid) != null && "mulaw".equals(catalogRow(sid)
                    .path("serve_wav_as").asText())) {
                continue;
            }

            HttpResponse<byte[]> wav = client.getWithoutAuth(media(sid, ".wav"));

            byte[] body = wav.body();
            ByteBuffer header = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            int channels = recording.path("channels").asInt();
            assertThat(wav.statusCode()).isEqualTo(200);
            assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
            assertThat(wav.headers().firstValueAsLong("Content-Length"))
                    .hasValue(body.length);
            assertThat(ascii(body, 0, 4)).isEqualTo("RIFF");
            assertThat(ascii(body, 8, 8)).isEqualTo("WAVEfmt ");
            assertThat(header.getInt(4)).isEqualTo(body.length - 8);
            assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
            assertThat(header.getShort(22)).isEqualTo((short) channels);
            assertThat(header.getInt(24)).isEqualTo(8000);
            assertThat(header.getShort(34)).isEqualTo((short) 16);
            assertThat(ascii(body, 36, 4)).isEqualTo("data");
            assertThat(header.getInt(40)).isEqualTo(body.length - 44);
            double seconds = (body.length - 44) / (8000.0 * 2 * channels);
            assertThat(seconds).as(sid)
                    .isCloseTo(recording.path("duration").asDouble(),
                            org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void aSpaceWithAMediaRateSendsTheSameAudioNoFasterThanThatRate() throws Exception {
        String sid = completed().get(0).path("sid").asText();
        byte[] atLoopbackSpeed = client.getWithoutAuth(media(sid, ".wav")).body();
        long rate = atLoopbackSpeed.length * 2L;

        try (DemoSpace paced = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(200).mediaBytesPerSecond(rate))) {
            long started = System.nanoTime();
            HttpResponse<byte[]> wav = new DemoClient(paced).getWithoutAuth(
                    media(sid, ".wav"));
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(wav.body()).isEqualTo(atLoopbackSpeed);
            // Half a second at that rate, less the first piece, which goes at once.
            assertThat(seconds).isGreaterThanOrEqualTo(
                    (atLoopbackSpeed.length - 16 * 1024) / (double) rate);
        }
    }

    @Test
    void extensionlessMediaUriServesTheSameWav() {
        String sid = completed().get(0).path("sid").asText();

        HttpResponse<byte[]> bare = client.getWithoutAuth(media(sid, ""));
        HttpResponse<byte[]> wav = client.getWithoutAuth(media(sid, ".wav"));

        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo(wav.body());
    }

    @Test
    void wavMarkedMulawIsServedExactlyAsStored() throws Exception {
        JsonNode row = catalogRows().stream()
                .filter(r -> "mulaw".equals(r.path("serve_wav_as").asText()))
                .findFirst().orElseThrow();

        HttpResponse<byte[]> wav = client.getWithoutAuth(
                media(row.path("sid").asText(), ".wav"));

        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.body()).isEqualTo(resource(row.path("wav").asText()));
    }

    @Test
    void mp3StartsWithAFrameSyncAndMatchesContentLength() {
        String sid = completed().get(0).path("sid").asText();

        HttpResponse<byte[]> mp3 = client.getWithoutAuth(media(sid, ".mp3"));

        byte[] body = mp3.body();
        assertThat(mp3.statusCode()).isEqualTo(200);
        assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(mp3.headers().firstValueAsLong("Content-Length")).hasValue(body.length);
        boolean id3 = ascii(body, 0, 3).equals("ID3");
        boolean frameSync = (body[0] & 0xFF) == 0xFF && (body[1] & 0xE0) == 0xE0;
        assertThat(id3 || frameSync).isTrue();
    }

    @Test
    void headAnnouncesTheLengthWithoutABody() {
        String sid = completed().get(0).path("sid").asText();
        long length = client.getWithoutAuth(media(sid, ".wav")).body().length;

        HttpResponse<byte[]> head = client.send("HEAD", media(sid, ".wav"), null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(length);
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void byteRangesAreAnsweredWithPartialContent() {
        String sid = completed().get(0).path("sid").asText();
        byte[] whole = client.getWithoutAuth(media(sid, ".mp3")).body();

        HttpResponse<byte[]> middle = client.send("GET", media(sid, ".mp3"), null,
                "Range", "bytes=100-199");
        HttpResponse<byte[]> open = client.send("GET", media(sid, ".mp3"), null,
                "Range", "bytes=" + (whole.length - 10) + "-");
        HttpResponse<byte[]> suffix = client.send("GET", media(sid, ".mp3"), null,
                "Range", "bytes=-25");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range"))
                .hasValue("bytes 100-199/" + whole.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 200));
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).hasSize(10);
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes "
                + (whole.length - 25) + "-" + (whole.length - 1) + "/" + whole.length);
        assertThat(suffix.body())
                .isEqualTo(Arrays.copyOfRange(whole, whole.length - 25, whole.length));
    }

    @Test
    void rangeBeyondTheEndIs416WithTheLength() {
        String sid = completed().get(0).path("sid").asText();
        long length = client.getWithoutAuth(media(sid, ".wav")).body().length;

        HttpResponse<byte[]> response = client.send("GET", media(sid, ".wav"), null,
                "Range", "bytes=" + length + "-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes */" + length);
    }

    @Test
    void recordingsWithoutAudioAre404ForMedia() {
        List<JsonNode> silent = new ArrayList<>();
        for (JsonNode recording : all()) {
            if (!recording.path("status").asText().equals("completed")) {
                silent.add(recording);
            }
        }

        assertThat(silent).extracting(r -> r.path("status").asText())
                .contains("in-progress", "absent");
        for (JsonNode recording : silent) {
            String sid = recording.path("sid").asText();
            for (String extension : new String[] {"", ".wav", ".mp3"}) {
                HttpResponse<byte[]> response = client.get(media(sid, extension));

                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(DemoClient.json(response).path("code").asInt()).isEqualTo(20404);
            }
        }
    }

    @Test
    void protectedMediaNeedsBasicAuthAndPublicMediaDoesNot() throws Exception {
        try (DemoSpace guarded = DemoSpace.start(new DemoSpace.Config()
                .mediaProtected(true))) {
            DemoClient guardedClient = new DemoClient(guarded);
            String sid = guarded.recordingSids().get(1);
            String wav = media(sid, ".wav");

            HttpResponse<byte[]> anonymous = guardedClient.getWithoutAuth(wav);
            HttpResponse<byte[]> signedIn = guardedClient.get(wav);
            guarded.setMediaProtected(false);
            HttpResponse<byte[]> afterSwitchingOff = guardedClient.getWithoutAuth(wav);

            DemoSpaceAuthTest.assertAuthenticationFailed(anonymous);
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(ascii(signedIn.body(), 0, 4)).isEqualTo("RIFF");
            assertThat(afterSwitchingOff.statusCode()).isEqualTo(200);
            assertThat(guarded.isMediaProtected()).isFalse();
        }
    }

    @Test
    void deleteAnswers204ThenTheRecordingIsGoneEverywhere() throws Exception {
        try (DemoSpace own = DemoSpace.start()) {
            DemoClient ownClient = new DemoClient(own);
            String sid = own.recordingSids().get(2);
            int before = own.recordingCount();

            HttpResponse<byte[]> anonymous = ownClient.send("DELETE",
                    DemoClient.ACCOUNT + "/Recordings/" + sid, null);
            HttpResponse<byte[]> deleted = ownClient.send("DELETE",
                    DemoClient.ACCOUNT + "/Recordings/" + sid + ".json",
                    DemoClient.validAuth());
            HttpResponse<byte[]> again = ownClient.send("DELETE",
                    DemoClient.ACCOUNT + "/Recordings/" + sid, DemoClient.validAuth());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(ownClient.get(DemoClient.ACCOUNT + "/Recordings/" + sid + ".json")
                    .statusCode()).isEqualTo(404);
            assertThat(ownClient.getWithoutAuth(media(sid, ".wav")).statusCode())
                    .isEqualTo(404);
            assertThat(own.recordingCount()).isEqualTo(before - 1);
            assertThat(own.recordingSids()).doesNotContain(sid);
            assertThat(ownClient.allRecordings(DemoClient.ACCOUNT + "/Recordings?PageSize=3"))
                    .extracting(r -> r.path("sid").asText()).doesNotContain(sid);
        }
    }

    private static List<JsonNode> all() {
        return client.allRecordings(DemoClient.ACCOUNT + "/Recordings.json?PageSize=1000");
    }

    private static List<JsonNode> completed() {
        List<JsonNode> completed = new ArrayList<>();
        for (JsonNode recording : all()) {
            if (recording.path("status").asText().equals("completed")) {
                completed.add(recording);
            }
        }
        return completed;
    }

    private static String media(String sid, String extension) {
        return DemoClient.ACCOUNT + "/Recordings/" + sid + extension;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }

    private static List<JsonNode> catalogRows() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        new ObjectMapper().readTree(resource("catalog.json"))
                .path("recordings").forEach(rows::add);
        return rows;
    }

    private static JsonNode catalogRow(String sid) {
        try {
            return catalogRows().stream().filter(r -> r.path("sid").asText().equals(sid))
                    .findFirst().orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = DemoSpaceMediaTest.class.getClassLoader()
                .getResourceAsStream("demo/recordings/" + name)) {
            return in.readAllBytes();
        }
    }
}
