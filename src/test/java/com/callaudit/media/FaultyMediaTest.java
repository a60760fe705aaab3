package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan;
import com.callaudit.demo.FaultPlan.Body;
import com.callaudit.demo.FaultPlan.Route;
import com.callaudit.demo.RequestLog;
import com.callaudit.demo.TokenTraces;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media relay against a demo space whose media misbehaves: cut, refused, not audio,
 * redirected, slow, or in encodings JavaFX refuses. A failure ends the fetch with a
 * reason in plain words and no token; what can be played, plays.
 */
class FaultyMediaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** billing-question in the catalog: completed, two channels. */
    private static final String STEREO = "6b48a426-a8ae-4180-aba9-6641c9e96dfa";
    /** voicemail-payment in the catalog: completed, mono. */
    private static final String MONO = "b22def7d-b296-43b4-b283-2abb8029c925";
    private static final Credentials CREDENTIALS =
            new Credentials(DemoSpace.PROJECT_ID, DemoSpace.TOKEN);

    private DemoSpace demo;
    private MediaRelay relay;

    @BeforeAll
    static void startJavaFx() throws InterruptedException {
        FxRuntime.start();
    }

    @BeforeEach
    void start() throws Exception {
        demo = DemoSpace.start();
        relay = MediaRelay.start();
    }

    @AfterEach
    void stop() {
        relay.close();
        demo.close();
    }

    @Test
    void aRecordingCutMidBodyFailsAndSaysTheConnectionBroke() throws Exception {
        demo.faults().cutBodyAfter(5000, Route.MEDIA);

        FetchProgress end = finalProgress(register(demo, STEREO, MediaFormat.WAV));

        assertThat(end.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(end.failureReason()).contains("connection to 127.0.0.1", "broke off");
    }

    @Test
    void anUnavailableSpaceIsAskedAgainAndTheRecordingArrives() throws Exception {
        demo.faults().status(503, Body.HTML, Route.MEDIA, 1)
                .retryAfter("1", 1);

        FetchProgress end = finalProgress(register(demo, STEREO, MediaFormat.MP3));

        assertThat(end.state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(demo.requests().withPathContaining(STEREO))
                .extracting(RequestLog.Entry::status).containsExactly(503, 429, 200);
    }

    @Test
    void aLastingProxyErrorFailsAfterThreeTriesWithTheStatusAndAdvice()
            throws Exception {
        demo.faults().status(503, Body.HTML, Route.MEDIA, 10);

        FetchProgress end = finalProgress(register(demo, STEREO, MediaFormat.MP3));

        assertThat(end.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(end.failureReason()).contains("503", "try again later");
        assertThat(demo.requests().withPathContaining(STEREO)).hasSize(3);
    }

    @Test
    void anInternalErrorIsNotAskedAgain() throws Exception {
        demo.faults().status(500, Body.JSON, Route.MEDIA, 10);

        FetchProgress end = finalProgress(register(demo, STEREO, MediaFormat.MP3));

        assertThat(end.failureReason()).contains("500");
        assertThat(demo.requests().withPathContaining(STEREO)).hasSize(1);
    }

    @Test
    void bytesThatAreNotAudioAreRefusedAndThePlayerReportsAnError() throws Exception {
        demo.faults().mediaNotAudio();
        RelayedMedia media = register(demo, STEREO, MediaFormat.WAV);

        FetchProgress end = finalProgress(media);

        assertThat(end.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(end.failureReason()).contains("not audio", "HTML page");
        try (PlayerWatch player = PlayerWatch.open(media.localUri(), true)) {
            assertThat(player.await(watch -> watch.error() != null, WAIT)).isTrue();
            assertThat(player.ended()).isFalse();
        }
    }

    @Test
    void aSlowSpaceEndsTheFetchWithinTheResponseTimeout() throws Exception {
        relay.close();
        relay = MediaRelay.start(MediaRelay.Settings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
        demo.faults().delay(Duration.ofSeconds(5), Route.MEDIA);

        FetchProgress end = finalProgress(register(demo, STEREO, MediaFormat.WAV));

        assertThat(end.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(end.failureReason()).contains("did not answer");
    }

    @Test
    void mediaRedirectedToAStorageHostArrivesAndTheStorageHostNeverSeesTheToken()
            throws Exception {
        try (DemoSpace storage = DemoSpace.start()) {
            demo.setMediaProtected(true);
            demo.faults().redirectMediaTo(storage.origin());
            byte[] direct = demoBytes(storage, STEREO);

            RelayedMedia media = register(demo, STEREO, MediaFormat.WAV);
            FetchProgress end = finalProgress(media);

            assertThat(end.state()).isEqualTo(FetchProgress.State.COMPLETE);
            assertThat(RelayClient.get(media.localUri()).body()).isEqualTo(direct);
            List<RequestLog.Entry> atStorage = storage.requests()
                    .withPathContaining(STEREO);
            assertThat(atStorage).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.header("Authorization")).isNull();
                entry.headers().values().forEach(values ->
                        values.forEach(TokenTraces::assertNoneIn));
            });
            assertThat(demo.requests().withPathContaining(STEREO))
                    .extracting(RequestLog.Entry::status).containsExactly(401, 302);
        }
    }

    @Test
    void aSpaceThatIgnoresRangeStillGivesThePlayerRanges() throws Exception {
        demo.faults().ignoreRange();
        RelayedMedia media = register(demo, STEREO, MediaFormat.MP3);
        finalProgress(media);
        byte[] whole = RelayClient.get(media.localUri()).body();

        HttpResponse<byte[]> middle = RelayClient.getRange(media.localUri(),
                "bytes=1000-1999");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, 2000));
    }

    @Test
    void aMuLawRecordingPlaysToTheEnd() throws Exception {
        demo.faults().serveMulaw();

        assertPlaysToTheEnd(register(demo, STEREO, MediaFormat.WAV));
    }

    @Test
    void anExtensibleWavPlaysToTheEnd() throws Exception {
        demo.faults().serveExtensible();

        assertPlaysToTheEnd(register(demo, MONO, MediaFormat.WAV));
    }

    @Test
    void aGoodFetchAnswersAtOnceAfterThirtyFailures() throws Exception {
        List<Consumer<FaultPlan>> faults = List.of(
                plan -> plan.status(502, Body.HTML, Route.MEDIA, 1),
                plan -> plan.status(500, Body.EMPTY, Route.MEDIA, 1),
                plan -> plan.cutBodyAfter(3000, Route.MEDIA),
                plan -> plan.mediaNotAudio());
        for (int i = 0; i < 30; i++) {
            demo.faults().clear();
            faults.get(i % faults.size()).accept(demo.faults());
            assertThat(finalProgress(register(demo, STEREO, MediaFormat.WAV)).state())
                    .isEqualTo(FetchProgress.State.FAILED);
        }
        demo.faults().clear();

        FetchProgress end = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                register(demo, STEREO, MediaFormat.WAV).finished().get());

        assertThat(end.state()).isEqualTo(FetchProgress.State.COMPLETE);
    }

    private static void assertPlaysToTheEnd(RelayedMedia media) throws Exception {
        assertThat(finalProgress(media).state()).isEqualTo(FetchProgress.State.COMPLETE);
        try (PlayerWatch player = PlayerWatch.open(media.localUri(), true)) {
            assertThat(player.await(PlayerWatch::ended, WAIT))
                    .as("played to its end; statuses %s, furthest %s s, error %s",
                            player.statuses(), player.furthestSeconds(), player.error())
                    .isTrue();
            assertThat(player.error()).isNull();
        }
    }

    private RelayedMedia register(DemoSpace space, String sid, MediaFormat format) {
        SpaceAddress address = SpaceAddress.loopback(space.port());
        URI url = address.resolve("/api/laml/2010-04-01/Accounts/" + DemoSpace.PROJECT_ID
                + "/Recordings/" + sid + format.extension());
        RelayedMedia media = relay.register(url, format, address, CREDENTIALS);
        TokenTraces.assertNoneIn(media.localUri().toString());
        return media;
    }

    private byte[] demoBytes(DemoSpace space, String sid) throws Exception {
        RelayedMedia media = register(space, sid, MediaFormat.WAV);
        finalProgress(media);
        space.requests().clear();
        return RelayClient.get(media.localUri()).body();
    }

    private static FetchProgress finalProgress(RelayedMedia media) throws Exception {
        FetchProgress end = media.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        TokenTraces.assertNoneIn(end.failureReason());
        return end;
    }
}
