package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callaudit.demo.DemoSpace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the demo space, over real loopback HTTP. */
class RecordingsClientTest {

    private static DemoSpace demo;
    private static DemoSpace legacyDemo;
    private static RecordingsClient client;

    @BeforeAll
    static void startDemoSpaces() throws IOException {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(120));
        legacyDemo = DemoSpace.start(new DemoSpace.Config().legacyJson(true));
        client = clientFor(demo, demo.token());
    }

    @AfterAll
    static void stopDemoSpaces() {
        client.close();
        demo.close();
        legacyDemo.close();
    }

    @Test
    void pagesThroughTheWholeListWithoutDuplicates() throws Exception {
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(25));
        List<String> sids = new ArrayList<>(sidsOf(page));
        int pages = 1;

        while (page.hasNext()) {
            page = client.next(page);
            sids.addAll(sidsOf(page));
            pages++;
        }

        assertThat(pages).isEqualTo((demo.recordingCount() + 24) / 25);
        assertThat(sids).hasSize(demo.recordingCount()).doesNotHaveDuplicates();
        assertThat(sids).isEqualTo(demo.recordingSids());
        assertThat(page.pagingProblem()).isEmpty();
    }

    @Test
    void filtersByCallSid() throws Exception {
        Recording any = client.list(RecordingQuery.all().withPageSize(1000)).recordings()
                .stream().filter(r -> r.callSid().isPresent()).findFirst().orElseThrow();
        String callSid = any.callSid().orElseThrow();

        RecordingPage page = client.list(RecordingQuery.all().withCallSid(callSid));

        assertThat(page.recordings()).isNotEmpty().allSatisfy(recording ->
                assertThat(recording.callSid()).hasValue(callSid));
    }

    @Test
    void filtersByConferenceSid() throws Exception {
        Recording conference = everyRecording().stream()
                .filter(r -> r.conferenceSid().isPresent()).findFirst().orElseThrow();
        String conferenceSid = conference.conferenceSid().orElseThrow();

        RecordingPage page = client.list(RecordingQuery.all()
                .withConferenceSid(conferenceSid));

        assertThat(page.recordings()).isNotEmpty().allSatisfy(recording ->
                assertThat(recording.conferenceSid()).hasValue(conferenceSid));
    }

    @Test
    void filtersByCreationDay() throws Exception {
        List<Recording> all = everyRecording();
        LocalDate newestDay = dayOf(all.get(0));
        LocalDate middleDay = dayOf(all.get(5));

        List<Recording> on = client.list(RecordingQuery.all().withCreatedOn(newestDay))
                .recordings();
        List<Recording> before = client.list(RecordingQuery.all()
                .withCreatedBefore(middleDay).withPageSize(1000)).recordings();
        List<Recording> after = client.list(RecordingQuery.all()
                .withCreatedAfter(middleDay).withPageSize(1000)).recordings();

        assertThat(on).isNotEmpty().allSatisfy(r ->
                assertThat(dayOf(r)).isEqualTo(newestDay));
        assertThat(before).isNotEmpty().hasSizeLessThan(all.size()).allSatisfy(r ->
                assertThat(dayOf(r)).isBeforeOrEqualTo(middleDay));
        assertThat(after).isNotEmpty().hasSizeLessThan(all.size()).allSatisfy(r ->
                assertThat(dayOf(r)).isAfterOrEqualTo(middleDay));
    }

    @Test
    void fetchesMetadataWithEveryKeyInTheServersOrder() throws Exception {
        String sid = demo.recordingSids().get(1);

        Recording recording = client.fetch(sid);

        List<String> keys = new ArrayList<>();
        recording.raw().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("sid", "account_sid", "api_version", "call_sid",
                "conference_sid", "channel", "channels", "date_created", "date_updated",
                "start_time", "end_time", "duration", "price", "price_unit", "source",
                "status", "error_code", "uri", "subresource_uris", "encryption_details",
                "trim");
        assertThat(recording.sid()).isEqualTo(sid);
    }

    @Test
    void readsTheLegacyShapeOf2018() throws Exception {
        RecordingsClient legacy = clientFor(legacyDemo, legacyDemo.token());

        List<Recording> recordings = legacy.list(RecordingQuery.all()).recordings();

        assertThat(recordings).hasSize(legacyDemo.recordingCount());
        assertThat(recordings).filteredOn(Recording::isCompleted).allSatisfy(r -> {
            assertThat(r.durationSeconds()).isPositive();
            assertThat(r.channels()).isIn(1, 2);
            assertThat(r.dateCreated()).isPresent();
        });
        legacy.close();
    }

    @Test
    void refusesAWrongTokenWithAPlainMessage() {
        RecordingsClient wrong = clientFor(demo, "PTnot-the-token");

        assertThatThrownBy(wrong::checkSignIn)
                .isInstanceOfSatisfying(SignalWireException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).hasValue(20003);
                    assertThat(e.getMessage()).contains("project ID and API token",
                            "Voice scope");
                    assertThat(e.getMessage()).doesNotContain("PTnot-the-token");
                });
        wrong.close();
    }

    @Test
    void refusesATokenWithoutTheVoiceScope() {
        RecordingsClient unscoped = clientFor(demo, DemoSpace.TOKEN_WITHOUT_VOICE);

        assertThatThrownBy(unscoped::checkSignIn)
                .isInstanceOfSatisfying(SignalWireException.class, e ->
                        assertThat(e.isAuthenticationFailure()).isTrue());
        unscoped.close();
    }

    @Test
    void saysWhenARecordingDoesNotExist() {
        assertThatThrownBy(() -> client.fetch("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(SignalWireException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.code()).hasValue(20404);
                    assertThat(e.getMessage()).contains("deleted");
                });
    }

    @Test
    void buildsMediaUrlsFromProjectAndSidWithoutCredentials() throws Exception {
        String sid = demo.recordingSids().get(1);

        URI wav = client.mediaUri(sid, MediaFormat.WAV);
        URI mp3 = client.mediaUri(sid, MediaFormat.MP3);

        assertThat(wav.toString()).isEqualTo(demo.origin() + "/api/laml/2010-04-01/Accounts/"
                + demo.projectId() + "/Recordings/" + sid + ".wav");
        assertThat(mp3.toString()).endsWith(sid + ".mp3").doesNotContain(demo.token());
        assertThat(wav.getUserInfo()).isNull();
    }

    @Test
    void servesPublicMediaBytesHeadAndRanges() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        URI wav = client.mediaUri(completedSid(), MediaFormat.WAV);

        HttpResponse<byte[]> whole = plain.send(HttpRequest.newBuilder(wav).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<Void> head = plain.send(HttpRequest.newBuilder(wav)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<byte[]> range = plain.send(HttpRequest.newBuilder(wav)
                .header("Range", "bytes=0-11").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(new String(whole.body(), 0, 4)).isEqualTo("RIFF");
        assertThat(head.headers().firstValueAsLong("Content-Length"))
                .hasValue(whole.body().length);
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(new String(range.body(), 8, 4)).isEqualTo("WAVE");
    }

    @Test
    void protectedMediaNeedsTheProjectsCredentials() throws Exception {
        DemoSpace guarded = DemoSpace.start(new DemoSpace.Config().mediaProtected(true));
        HttpClient plain = HttpClient.newHttpClient();
        String sid = guarded.recordingSids().get(1);
        URI wav = URI.create(guarded.origin() + "/api/laml/2010-04-01/Accounts/"
                + guarded.projectId() + "/Recordings/" + sid + ".wav");

        int anonymous = plain.send(HttpRequest.newBuilder(wav).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        int authenticated = plain.send(HttpRequest.newBuilder(wav)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((guarded.projectId() + ":" + guarded.token())
                                .getBytes())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(anonymous).isEqualTo(401);
        assertThat(authenticated).isEqualTo(200);
        guarded.close();
    }

    @Test
    void readsTranscriptions() throws Exception {
        List<Transcription> all = new ArrayList<>();
        for (String sid : demo.recordingSids().subList(0, 14)) {
            all.addAll(client.transcriptions(sid));
        }

        assertThat(all).isNotEmpty().allSatisfy(t -> assertThat(t.text()).isPresent());
    }

    @Test
    void sendsTheTokenOnlyInTheAuthorizationHeader() throws Exception {
        demo.requests().clear();

        client.list(RecordingQuery.all().withPageSize(3));
        client.fetch(demo.recordingSids().get(0));

        assertThat(demo.requests().entries()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.pathAndQuery()).doesNotContain(demo.token());
            assertThat(entry.header("Authorization")).startsWith("Basic ");
        });
    }

    @Test
    void readsDatesTheSameUnderAGermanDefaultLocale() throws Exception {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            List<Recording> recordings = client.list(RecordingQuery.all()).recordings();

            assertThat(recordings).allSatisfy(r -> assertThat(r.dateCreated()).isPresent());
        } finally {
            Locale.setDefault(original);
        }
    }

    private static List<Recording> everyRecording() throws Exception {
        return client.list(RecordingQuery.all().withPageSize(1000)).recordings();
    }

    private static String completedSid() throws Exception {
        return everyRecording().stream().filter(Recording::isCompleted)
                .map(Recording::sid).findFirst().orElseThrow();
    }

    private static LocalDate dayOf(Recording recording) {
        return recording.dateCreated().orElseThrow().atZoneSameInstant(ZoneOffset.UTC)
                .toLocalDate();
    }

    private static List<String> sidsOf(RecordingPage page) {
        return page.recordings().stream().map(Recording::sid).toList();
    }

    private static RecordingsClient clientFor(DemoSpace space, String token) {
        return new RecordingsClient(SpaceAddress.parse(space.origin().toString()),
                new Credentials(space.projectId(), token));
    }
}
