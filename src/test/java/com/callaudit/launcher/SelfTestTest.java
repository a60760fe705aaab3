package com.callaudit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.MediaFormat;
import com.callaudit.media.PlayabilityProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SelfTestTest {

    @Test
    void passesEveryCheckInTheTestRuntime() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = SelfTest.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).as(report).doesNotContain("FAIL");
        assertThat(report).contains("PASS  wav playback", "PASS  mp3 playback",
                "PASS  demo space", "All 9 checks passed.");
        assertThat(status).isZero();
    }

    @Test
    void tellsHowToLendANullSoundDeviceWhenThereIsNone() {
        PlayabilityProbe.Result noDevice = new PlayabilityProbe.Result(MediaFormat.WAV,
                false, "PLAYBACK_HALTED Could not open audio device for playback.");

        assertThat(SelfTest.explain(noDevice))
                .contains("ALSA_CONFIG_PATH", "pcm.!default { type null }");
    }
}
