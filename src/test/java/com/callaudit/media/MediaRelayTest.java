package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Credentials CREDENTIALS = new Credentials("PJ1", "PT-secret-token");

    private FakeSpace space;
    private MediaRelay relay;

    @BeforeEach
    void startSpaceAndRelay() throws IOException {
        space = FakeSpace.start();
        relay = MediaRelay.start();
    }

    @AfterEach
    void stopSpaceAndRelay() {
        relay.close();
        space.close();
    }

    @Test
    void servesWholeWavWithExactContentLength() throws Exception {
        byte[] wav = TestAudio.pcmWav(0.5);
        space.serve("RE1.wav", wav);

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        HttpResponse<byte[]> response = RelayClient.get(media.localUri());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .hasValue(wav.length);
        assertThat(response.body()).isEqualTo(wav);
        assertThat(finalProgress(media).state()).isEqualTo(FetchProgress.State.COMPLETE);
    }

    @Test
    void answersHeadWithLengthAndNoBody() throws Exception {
        byte[] wav = TestAudio.pcmWav(0.5);
        space.serve("RE1.wav", wav);

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        HttpResponse<byte[]> response = RelayClient.head(media.localUri());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(wav.length));
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void servesRequestedRangeAs206WithContentRange() {
        byte[] wav = TestAudio.pcmWav(0.5);
        space.serve("RE1.wav", wav);

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        HttpResponse<byte[]> middle = RelayClient.getRange(media.localUri(), "bytes=100-199");
        HttpResponse<byte[]> tail = RelayClient.getRange(media.localUri(), "bytes=-10");
        HttpResponse<byte[]> open = RelayClient.getRange(media.localUri(), "bytes=5000-");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range"))
                .hasValue("bytes 100-199/" + wav.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(wav, 100, 200));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(wav, 5000, wav.length));
    }

    @Test
    void answers416ForRangePastTheEnd() {
        byte[] wav = TestAudio.pcmWav(0.5);
        space.serve("RE1.wav", wav);

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        HttpResponse<byte[]> response =
                RelayClient.getRange(media.localUri(), "bytes=" + wav.length + "-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes */" + wav.length);
    }

    @Test
    void servesRangeFromCacheWhileStillDownloading() throws Exception {
        byte[] wav = TestAudio.pcmWav(2);
        CountDownLatch rest = new CountDownLatch(1);
        space.route("RE1.wav", halfThenWait(wav, rest));

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        CompletableFuture<HttpResponse<byte[]>> whole =
                CompletableFuture.supplyAsync(() -> RelayClient.get(media.localUri()));
        HttpResponse<byte[]> early = RelayClient.getRange(media.localUri(), "bytes=0-999");
        HttpResponse<byte[]> secondReader =
                RelayClient.getRange(media.localUri(), "bytes=1000-1999");

        assertThat(early.body()).isEqualTo(Arrays.copyOfRange(wav, 0, 1000));
        assertThat(secondReader.body()).isEqualTo(Arrays.copyOfRange(wav, 1000, 2000));
        assertThat(media.progress().state()).isEqualTo(FetchProgress.State.FETCHING);
        assertThat(whole).isNotDone();

        rest.countDown();

        assertThat(whole.get(WAIT.toSeconds(), TimeUnit.SECONDS).body()).isEqualTo(wav);
    }

    @Test
    void streamsFirstBytesBeforeTheDownloadEnds() throws Exception {
        byte[] wav = TestAudio.pcmWav(2);
        CountDownLatch rest = new CountDownLatch(1);
        space.route("RE1.wav", halfThenWait(wav, rest));

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        HttpResponse<InputStream> response = RelayClient.getStream(media.localUri());
        byte[] first;
        try (InputStream body = response.body()) {
            first = body.readNBytes(wav.length / 4);
            rest.countDown();
            body.readAllBytes();
        }

        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .hasValue(wav.length);
        assertThat(first).isEqualTo(Arrays.copyOf(wav, wav.length / 4));
    }

    @Test
    void cancelAbortsTheUpstreamRequest() throws Exception {
        try (StallingUpstream stalling = StallingUpstream.start(TestAudio.pcmWav(10))) {
            RelayedMedia media = relay.register(stalling.recording(), MediaFormat.WAV,
                    stalling.address(), CREDENTIALS);
            assertThat(stalling.awaitStall(WAIT)).isTrue();

            media.cancel();

            assertThat(stalling.awaitClientGone(WAIT)).isTrue();
            assertThat(media.progress().state()).isEqualTo(FetchProgress.State.CANCELLED);
            assertThat(finalProgress(media).failureReason()).contains("cancelled");
            assertThat(RelayClient.get(media.localUri()).statusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void secondRegisterOfTheSameUrlReusesTheCache() throws Exception {
        byte[] wav = TestAudio.pcmWav(0.5);
        space.serve("RE1.wav", wav);
        RelayedMedia first = register("RE1.wav", MediaFormat.WAV);
        finalProgress(first);

        RelayedMedia second = register("RE1.wav", MediaFormat.WAV);
        byte[] replayed = RelayClient.get(second.localUri()).body();
        byte[] seekedTo = RelayClient.getRange(second.localUri(), "bytes=300-").body();

        assertThat(second).isSameAs(first);
        assertThat(replayed).isEqualTo(wav);
        assertThat(seekedTo).isEqualTo(Arrays.copyOfRange(wav, 300, wav.length));
        assertThat(space.getsOf("RE1.wav")).isEqualTo(1);
    }

    @Test
    void fetchesAgainAfterAFailedAttempt() throws Exception {
        RelayedMedia failed = register("RE1.wav", MediaFormat.WAV);
        finalProgress(failed);
        space.serve("RE1.wav", TestAudio.pcmWav(0.2));

        RelayedMedia retried = register("RE1.wav", MediaFormat.WAV);

        assertThat(finalProgress(retried).state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(retried.localUri()).isNotEqualTo(failed.localUri());
    }

    @Test
    void answers404ForPathsOutsideTheRandomPrefix() {
        space.serve("RE1.wav", TestAudio.pcmWav(0.2));
        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        String path = media.localUri().getPath();
        String prefix = path.split("/")[1];
        String guessed = "0".repeat(prefix.length());

        HttpResponse<byte[]> wrongPrefix = RelayClient.get(
                media.localUri().resolve(path.replace(prefix, guessed)));
        HttpResponse<byte[]> root = RelayClient.get(media.localUri().resolve("/"));
        HttpResponse<byte[]> withoutPrefix = RelayClient.get(
                media.localUri().resolve(path.substring(prefix.length() + 1)));

        assertThat(wrongPrefix.statusCode()).isEqualTo(404);
        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(withoutPrefix.statusCode()).isEqualTo(404);
    }

    @Test
    void prefixCarriesAtLeast128RandomBitsPerRun() throws IOException {
        space.serve("RE1.wav", TestAudio.pcmWav(0.2));
        String prefix = register("RE1.wav", MediaFormat.WAV).localUri().getPath()
                .split("/")[1];

        String otherRun;
        try (MediaRelay other = MediaRelay.start()) {
            otherRun = other.register(space.recording("RE1.wav"), MediaFormat.WAV,
                    space.address(), null).localUri().getPath().split("/")[1];
        }

        assertThat(prefix).matches("[0-9a-f]{32,}");
        assertThat(otherRun).isNotEqualTo(prefix);
    }

    @Test
    void listensOnLoopbackOnly() {
        space.serve("RE1.wav", TestAudio.pcmWav(0.2));

        URI local = register("RE1.wav", MediaFormat.WAV).localUri();

        assertThat(local.getScheme()).isEqualTo("http");
        assertThat(local.getHost()).isEqualTo("127.0.0.1");
        assertThat(local.getPath()).endsWith("/RE1.wav");
    }

    @Test
    void evictsLeastRecentlyUsedRecordingWhenTheCacheIsFull() throws Exception {
        byte[] wav = TestAudio.pcmWav(1);
        space.serve("RE1.wav", wav).serve("RE2.wav", wav);
        relay.close();
        relay = MediaRelay.start(
                MediaRelay.Settings.defaults().withCacheLimit(wav.length * 3L / 2));

        RelayedMedia older = register("RE1.wav", MediaFormat.WAV);
        finalProgress(older);
        RelayedMedia newer = register("RE2.wav", MediaFormat.WAV);
        finalProgress(newer);

        assertThat(RelayClient.get(older.localUri()).statusCode()).isEqualTo(404);
        assertThat(RelayClient.get(newer.localUri()).body()).isEqualTo(wav);
        assertThat(relay.cachedBytes()).isEqualTo(wav.length);
        assertThat(register("RE1.wav", MediaFormat.WAV)).isNotSameAs(older);
    }

    @Test
    void deletesTheCacheFolderOnClose() throws Exception {
        space.serve("RE1.wav", TestAudio.pcmWav(0.5));
        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        finalProgress(media);
        Path folder = relay.cacheFolder();
        assertThat(folder).isNotEmptyDirectory();

        relay.close();

        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void failsFastWith404WhenTheSpaceHasNoSuchRecording() throws Exception {
        RelayedMedia media = register("RE404.wav", MediaFormat.WAV);

        FetchProgress outcome = finalProgress(media);
        HttpResponse<byte[]> response = RelayClient.get(media.localUri());

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(outcome.failureReason())
                .isEqualTo("The space answered 404: no such recording.");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesHtmlServedAsAudioWithAReason() throws Exception {
        space.serve("RE1.wav", "<!DOCTYPE html><html><body>Sign in</body></html>"
                .getBytes(), "audio/x-wav");

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        FetchProgress outcome = finalProgress(media);
        HttpResponse<byte[]> response = RelayClient.get(media.localUri());

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(outcome.failureReason())
                .isEqualTo("The file is not audio (it looks like an HTML page).");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void refusesJsonAndGarbageWithAReason() throws Exception {
        space.serve("RE1.mp3", "{\"code\":\"20404\"}".getBytes(), "audio/mpeg");
        space.serve("RE2.wav", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});

        FetchProgress json = finalProgress(register("RE1.mp3", MediaFormat.MP3));
        FetchProgress garbage = finalProgress(register("RE2.wav", MediaFormat.WAV));

        assertThat(json.failureReason()).contains("looks like a JSON document");
        assertThat(garbage.failureReason()).contains("match neither WAV nor MP3");
    }

    @Test
    void reportsProgressWithTheAnnouncedTotal() throws Exception {
        byte[] wav = TestAudio.pcmWav(1);
        space.serve("RE1.wav", wav);

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        FetchProgress done = finalProgress(media);

        assertThat(done.bytesFetched()).isEqualTo(wav.length);
        assertThat(done.totalBytes()).isEqualTo(wav.length);
        assertThat(done.fraction()).isEqualTo(1.0);
    }

    @Test
    void tellsListenersOfProgressInOrderUntilComplete() throws Exception {
        byte[] wav = TestAudio.pcmWav(10);
        CountDownLatch rest = new CountDownLatch(1);
        space.route("RE1.wav", halfThenWait(wav, rest));
        java.util.List<FetchProgress> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        RelayedMedia media = register("RE1.wav", MediaFormat.WAV);
        media.addProgressListener(heard::add);
        RelayClient.getRange(media.localUri(), "bytes=0-99");
        rest.countDown();
        FetchProgress done = finalProgress(media);

        assertThat(done.state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(heard).last().isEqualTo(done);
        assertThat(heard).extracting(FetchProgress::bytesFetched).isSorted();
        assertThat(heard).filteredOn(p -> p.state() == FetchProgress.State.FETCHING)
                .isNotEmpty();
    }

    private RelayedMedia register(String fileName, MediaFormat format) {
        return relay.register(space.recording(fileName), format, space.address(),
                CREDENTIALS);
    }

    static FetchProgress finalProgress(RelayedMedia media) throws Exception {
        return media.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends the first half of {@code body}, then the rest once {@code rest} opens. */
    static com.sun.net.httpserver.HttpHandler halfThenWait(byte[] body,
            CountDownLatch rest) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            try {
                if (!rest.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            out.write(body, body.length / 2, body.length - body.length / 2);
        };
    }

}
