package com.callaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.app.LaunchOptions;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void writesDurationsAsMinutesAndSeconds() {
        assertThat(Formats.duration(0)).isEqualTo("0:00");
        assertThat(Formats.duration(92)).isEqualTo("1:32");
        assertThat(Formats.duration(3725)).isEqualTo("1:02:05");
        assertThat(Formats.duration(-1)).isEqualTo("–");
    }

    @Test
    void writesPricesWithTheirUnitAndChannelsInWords() {
        assertThat(Formats.price(new BigDecimal("-0.0025"), "USD")).isEqualTo("-0.0025 USD");
        assertThat(Formats.price(new BigDecimal("0.0"), "")).isEqualTo("0.0");
        assertThat(Formats.channels(1)).isEqualTo("mono");
        assertThat(Formats.channels(2)).isEqualTo("dual");
        assertThat(Formats.channels(0)).isEqualTo("–");
    }

    @Test
    void readsTheCommandLine() {
        LaunchOptions options = LaunchOptions.parse(List.of("--demo", "--recordings",
                "100000", "--long-recordings"));

        assertThat(options).isEqualTo(new LaunchOptions(true, 100_000, true));
        assertThat(LaunchOptions.parse(List.of())).isEqualTo(
                new LaunchOptions(false, 0, false));
        Assertions.assertThatThrownBy(() -> LaunchOptions.parse(List.of("--recordings",
                "many"))).hasMessageContaining("whole number");
    }
}
