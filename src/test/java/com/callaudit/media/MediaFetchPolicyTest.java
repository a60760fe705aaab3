package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MediaFetchPolicyTest {

    private static final String TOKEN = "PT-0123456789-secret";
    private static final Credentials CREDENTIALS = new Credentials("PJ1", TOKEN);
    private static final String EXPECTED_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString(("PJ1:" + TOKEN).getBytes(StandardCharsets.UTF_8));

    private FakeSpace space;
    private FakeSpace storage;
    private MediaRelay relay;

    @BeforeEach
    void start() throws IOException {
        space = FakeSpace.start();
        storage = FakeSpace.start();
        relay = MediaRelay.start();
    }

    @AfterEach
    void stop() {
        relay.close();
        space.close();
        storage.close();
    }

    @Test
    void fetchesPublicMediaWithoutCredentials() throws Exception {
        space.serve("RE1.wav", TestAudio.pcmWav(0.2));

        FetchProgress outcome = fetch("RE1.wav");

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(space.seen()).singleElement()
                .satisfies(seen -> assertThat(seen.authorization()).isNull());
    }

    @Test
    void retriesWithBasicAuthWhenTheSpaceAnswers401() throws Exception {
        byte[] wav = TestAudio.pcmWav(0.2);
        space.route("RE1.wav", protectedBy(401, wav));

        FetchProgress outcome = fetch("RE1.wav");

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(space.seen()).extracting(FakeSpace.Seen::authorization)
                .containsExactly(null, EXPECTED_AUTH);
    }

    @Test
    void retriesWithBasicAuthWhenTheSpaceAnswers403() throws Exception {
        space.route("RE1.wav", protectedBy(403, TestAudio.pcmWav(0.2)));

        FetchProgress outcome = fetch("RE1.wav");

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(space.seen()).hasSize(2);
    }

    @Test
    void saysTheTokenWasRefusedWhenAuthFailsToo() throws Exception {
        space.route("RE1.wav", exchange -> exchange.sendResponseHeaders(401, -1));

        FetchProgress outcome = fetch("RE1.wav");

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(outcome.failureReason()).contains("401").contains("refused");
        assertThat(space.seen()).hasSize(2);
    }

    @Test
    void neverSendsCredentialsToARedirectTargetOnAnotherPort() throws Exception {
        byte[] wav = TestAudio.pcmWav(0.2);
        storage.serve("RE1.wav", wav);
        URI elsewhere = storage.recording("RE1.wav");
        space.route("RE1.wav", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            redirect(exchange, elsewhere.toString());
        });

        RelayedMedia media = register("RE1.wav");
        FetchProgress outcome = MediaRelayTest.finalProgress(media);

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.COMPLETE);
        assertThat(RelayClient.get(media.localUri()).body()).isEqualTo(wav);
        assertThat(space.seen()).extracting(FakeSpace.Seen::authorization)
                .containsExactly(null, EXPECTED_AUTH);
        assertThat(storage.seen()).singleElement()
                .satisfies(seen -> assertThat(seen.authorization()).isNull());
    }

    @Test
    void followsFiveRedirects() throws Exception {
        redirectChain(5);

        FetchProgress outcome = fetch("RE1.wav");

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.COMPLETE);
    }

    @Test
    void failsAfterMoreThanFiveRedirects() throws Exception {
        redirectChain(6);

        FetchProgress outcome = fetch("RE1.wav");

        assertThat(outcome.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(outcome.failureReason()).contains("redirected more than 5 times");
        assertThat(space.seen()).hasSize(6);
    }

    @Test
    void refusesMediaUrlsThatAreNeitherHttpsNorLoopback() {
        URI plain = URI.create("http://example.signalwire.com" + FakeSpace.RECORDINGS
                + "RE1.wav");
        SpaceAddress remote = SpaceAddress.parse("example.signalwire.com");

        assertThatThrownBy(() -> relay.register(plain, MediaFormat.WAV, remote,
                CREDENTIALS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTokenAndRemoteQueryOutOfServedUrlsAndLogs() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger media = (Logger) LoggerFactory.getLogger("com.callaudit.media");
        logs.start();
        media.addAppender(logs);
        space.route("RE1.wav", protectedBy(401, TestAudio.pcmWav(0.2)));
        URI signed = URI.create(space.recording("RE1.wav") + "?Signature=abc123");

        RelayedMedia relayed;
        try {
            relayed = relay.register(signed, MediaFormat.WAV, space.address(), CREDENTIALS);
            MediaRelayTest.finalProgress(relayed);
            RelayClient.get(relayed.localUri());
        } finally {
            media.detachAppender(logs);
        }

        assertThat(relayed.localUri().toString())
                .doesNotContain(TOKEN).doesNotContain("PJ1")
                .doesNotContain("?").doesNotContain("Signature");
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(
                event.getFormattedMessage()).doesNotContain(TOKEN)
                .doesNotContain("Signature").doesNotContain(EXPECTED_AUTH));
    }

    private void redirectChain(int hops) {
        for (int hop = 0; hop < hops; hop++) {
            String from = hop == 0 ? FakeSpace.RECORDINGS + "RE1.wav" : "/hop/" + hop;
            String to = hop == hops - 1 ? "/final.wav" : "/hop/" + (hop + 1);
            space.routePath(from, exchange -> redirect(exchange, to));
        }
        byte[] wav = TestAudio.pcmWav(0.2);
        space.routePath("/final.wav", exchange -> {
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
        });
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange,
            String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static HttpHandler protectedBy(int status, byte[] body) {
        return exchange -> {
            if (!EXPECTED_AUTH.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    private RelayedMedia register(String fileName) {
        return relay.register(space.recording(fileName), MediaFormat.WAV,
                space.address(), CREDENTIALS);
    }

    private FetchProgress fetch(String fileName) throws Exception {
        return MediaRelayTest.finalProgress(register(fileName));
    }
}
