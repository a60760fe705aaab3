package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A demo space with the two 60-minute recordings, a client on it, and the recordings
 * the playback figures use: a real one of about a minute and a long one, both with two
 * channels.
 */
final class BenchSpace implements AutoCloseable {

    /** billing-question in the demo catalog: 58 s, two channels, WAV and MP3. */
    static final String ONE_MINUTE = "6b48a426-a8ae-4180-aba9-6641c9e96dfa";

    final DemoSpace demo;
    final RecordingsClient client;
    final String sixtyMinutes;
    private final HttpClient plain = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build();

    BenchSpace(Duration firstByteDelay) throws Exception {
        this(firstByteDelay, 0);
    }

    /** As {@link #BenchSpace(Duration)}, sending audio at most this fast (0: loopback). */
    BenchSpace(Duration firstByteDelay, long mediaBytesPerSecond) throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().longRecordings(true)
                .firstByteDelay(firstByteDelay).mediaBytesPerSecond(mediaBytesPerSecond));
        client = new RecordingsClient(space(), credentials());
        sixtyMinutes = client.list(RecordingQuery.all().withPageSize(5)).recordings()
                .stream().filter(r -> r.durationSeconds() == 3600 && r.channels() == 2)
                .map(Recording::sid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 60-minute recording"));
    }

    SpaceAddress space() {
        return SpaceAddress.loopback(demo.port());
    }

    Credentials credentials() {
        return new Credentials(demo.projectId(), demo.token());
    }

    URI media(String sid, MediaFormat format) {
        return client.mediaUri(sid, format);
    }

    /** Milliseconds from sending a plain GET of {@code url} to its response headers. */
    double timeToFirstByte(URI url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = plain.send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        long headers = System.nanoTime();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200 || body.read() < 0) {
                throw new IllegalStateException("GET answered " + response.statusCode());
            }
        }
        return (headers - started) / 1e6;
    }

    /** The media downloaded whole into a temporary file, for floors without the relay. */
    Path download(URI url, String suffix) throws Exception {
        Path file = Files.createTempFile("callaudit-bench-", suffix);
        HttpResponse<InputStream> response = plain.send(HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Override
    public void close() {
        client.close();
        demo.close();
    }
}
