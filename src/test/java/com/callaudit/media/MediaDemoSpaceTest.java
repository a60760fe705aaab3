package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.RequestLog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against the demo space and its real (μ-law) recordings. */
class MediaDemoSpaceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** router-reset in the catalog: the demo serves its WAV as μ-law, like a PBX. */
    private static final String MU_LAW_RECORDING = "43b5b2fc-2fc0-4ba5-a6fe-8919e972b1ad";
    /** billing-question in the catalog, a completed two-channel call. */
    private static final String COMPLETED_RECORDING = "6b48a426-a8ae-4180-aba9-6641c9e96dfa";

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
    void playsProtectedMuLawDemoWavWithoutPuttingTheTokenInTheUrl() throws Exception {
        demo.setMediaProtected(true);
        String sid = MU_LAW_RECORDING;

        RelayedMedia media = register(sid, MediaFormat.WAV);

        try (PlayerWatch player = PlayerWatch.open(media.localUri(), true)) {
            assertThat(player.await(PlayerWatch::ended, WAIT)).isTrue();
            assertThat(player.error()).isNull();
        }
        List<RequestLog.Entry> fetches = demo.requests().withPathContaining(sid + ".wav");
        assertThat(fetches).extracting(entry -> entry.header("Authorization") != null)
                .containsExactly(false, true);
        assertThat(media.localUri().toString()).doesNotContain(DemoSpace.TOKEN);
    }

    @Test
    void playsPublicDemoMp3() throws Exception {
        String sid = COMPLETED_RECORDING;

        RelayedMedia media = register(sid, MediaFormat.MP3);

        try (PlayerWatch player = PlayerWatch.open(media.localUri(), true)) {
            assertThat(player.await(PlayerWatch::ended, WAIT)).isTrue();
            assertThat(player.error()).isNull();
        }
        assertThat(demo.requests().withPathContaining(sid + ".mp3"))
                .allSatisfy(entry -> assertThat(entry.header("Authorization")).isNull());
    }

    private RelayedMedia register(String sid, MediaFormat format) {
        SpaceAddress space = SpaceAddress.loopback(demo.port());
        URI url = space.resolve("/api/laml/2010-04-01/Accounts/" + DemoSpace.PROJECT_ID
                + "/Recordings/" + sid + format.extension());
        return relay.register(url, format, space,
                new Credentials(DemoSpace.PROJECT_ID, DemoSpace.TOKEN));
    }
}
