package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSpaceScaleTest {

    private static final int SYNTHETIC = 100_000;
    private static final String LIST = DemoClient.ACCOUNT + "/Recordings.json";

    private static DemoSpace space;
    private static DemoClient client;

    @BeforeAll
    static void startSpace() throws Exception {
        space = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(SYNTHETIC)
                .longRecordings(true));
        client = new DemoClient(space);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @Test
    void countsEveryRecordingWithoutDuplicateSids() {
        List<String> sids = space.recordingSids();

        assertThat(space.recordingCount()).isGreaterThan(SYNTHETIC + 2);
        assertThat(sids).hasSize(space.recordingCount());
        Set<String> unique = new HashSet<>(sids);
        assertThat(unique).hasSize(sids.size());
    }

    @Test
    void pageDeepAmongSyntheticRecordingsIsServed() {
        List<String> sids = space.recordingSids();
        String anchor = sids.get(77_000);

        JsonNode page = client.getJson(LIST + "?Page=77&PageSize=1000&PageToken=PA" + anchor);

        assertThat(page.path("recordings")).hasSize(1000);
        assertThat(page.path("recordings").get(0).path("sid").asText())
                .isEqualTo(sids.get(77_001));
        assertThat(page.path("next_page_uri").asText()).contains("Page=78");
    }

    @Test
    void syntheticRecordingIsFetchableAndItsAudioMatchesItsDuration() {
        String sid = space.recordingSids().get(55_555);

        JsonNode recording = client.getJson(DemoClient.ACCOUNT + "/Recordings/" + sid + ".json");
        HttpResponse<byte[]> head = client.send("HEAD",
                DemoClient.ACCOUNT + "/Recordings/" + sid + ".wav", null);

        assertThat(recording.path("sid").asText()).isEqualTo(sid);
        if (recording.path("status").asText().equals("completed")) {
            long length = head.headers().firstValueAsLong("Content-Length").orElseThrow();
            double seconds = (length - 44) / (8000.0 * 2 * recording.path("channels").asInt());
            assertThat(seconds).isBetween(recording.path("duration").asDouble() - 1,
                    recording.path("duration").asDouble() + 1);
        }
    }

    @Test
    void longRecordingsLastAnHourInBothChannelLayouts() {
        JsonNode newest = client.getJson(LIST + "?PageSize=2").path("recordings");

        assertThat(newest).extracting(r -> r.path("duration").asInt())
                .containsOnly(LongRecordings.SECONDS);
        assertThat(newest).extracting(r -> r.path("channels").asText())
                .containsExactlyInAnyOrder("1", "2");
        for (JsonNode recording : newest) {
            String wav = DemoClient.ACCOUNT + "/Recordings/" + recording.path("sid").asText()
                    + ".wav";
            int channels = recording.path("channels").asInt();

            HttpResponse<byte[]> head = client.send("HEAD", wav, null);

            long length = head.headers().firstValueAsLong("Content-Length").orElseThrow();
            assertThat(length).isEqualTo(44 + 3600L * 8000 * 2 * channels);
        }
    }

    @Test
    void longWavHasAValidHeaderAndARangeInItsMiddleWorks() {
        String sid = client.getJson(LIST + "?PageSize=1").path("recordings").get(0)
                .path("sid").asText();
        String wav = DemoClient.ACCOUNT + "/Recordings/" + sid + ".wav";

        HttpResponse<byte[]> header = client.send("GET", wav, null, "Range", "bytes=0-43");
        HttpResponse<byte[]> middle = client.send("GET", wav, null,
                "Range", "bytes=30000000-30065535");

        ByteBuffer fields = ByteBuffer.wrap(header.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(header.body(), 0, 4, StandardCharsets.US_ASCII))
                .isEqualTo("RIFF");
        assertThat(fields.getShort(20)).isEqualTo((short) 1);
        assertThat(fields.getInt(24)).isEqualTo(8000);
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).hasSize(65536);
        assertThat(middle.headers().firstValue("Content-Range").orElseThrow())
                .startsWith("bytes 30000000-30065535/");
        assertThat(isSilent(middle.body())).as("voice audio, not zeros").isFalse();
    }

    @Test
    void longMp3IsTheLoopRepeatedToAnHour() throws Exception {
        String sid = client.getJson(LIST + "?PageSize=1").path("recordings").get(0)
                .path("sid").asText();
        String mp3 = DemoClient.ACCOUNT + "/Recordings/" + sid + ".mp3";
        byte[] loop;
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("demo/recordings/loop.mp3")) {
            loop = in.readAllBytes();
        }
        double loopSeconds = Mp3Frames.seconds(loop);

        HttpResponse<byte[]> head = client.send("HEAD", mp3, null);
        HttpResponse<byte[]> secondLoop = client.send("GET", mp3, null, "Range",
                "bytes=" + loop.length + "-" + (2L * loop.length - 1));

        long length = head.headers().firstValueAsLong("Content-Length").orElseThrow();
        assertThat(length % loop.length).isZero();
        assertThat(length / loop.length * loopSeconds).isBetween(3600.0, 3600.0 + loopSeconds);
        assertThat(secondLoop.body()).isEqualTo(loop);
    }

    private static boolean isSilent(byte[] pcm) {
        for (byte b : pcm) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
