package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FxThreadErrorsTest {

    @Test
    void recognisesTheMediaPlayersReadyRaceEvenWhenWrapped() {
        NullPointerException race = thrownAt("javafx.scene.media.MediaPlayer", "preReady");

        assertThat(FxThreadErrors.isMediaPlayerReadyRace(race)).isTrue();
        assertThat(FxThreadErrors.isMediaPlayerReadyRace(new RuntimeException(race)))
                .isTrue();
    }

    @Test
    void letsEveryOtherErrorThrough() {
        assertThat(FxThreadErrors.isMediaPlayerReadyRace(
                thrownAt("com.callaudit.ui.player.PlayerModel", "attach"))).isFalse();
        assertThat(FxThreadErrors.isMediaPlayerReadyRace(
                thrownAt("javafx.scene.media.MediaPlayer", "play"))).isFalse();
        IllegalStateException notANullPointer = new IllegalStateException("other");
        notANullPointer.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("javafx.scene.media.MediaPlayer", "preReady", null, 1)});
        assertThat(FxThreadErrors.isMediaPlayerReadyRace(notANullPointer)).isFalse();
    }

    private static NullPointerException thrownAt(String className, String method) {
        NullPointerException e = new NullPointerException("lastBufferEvent is null");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(className, method, "MediaPlayer.java", 1891)});
        return e;
    }
}
