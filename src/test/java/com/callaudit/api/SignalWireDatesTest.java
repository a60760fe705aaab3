package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignalWireDatesTest {

    private static final OffsetDateTime SEPT_25 =
            OffsetDateTime.of(2018, 9, 25, 23, 0, 4, 0, ZoneOffset.UTC);
    private Locale defaultLocale;

    @BeforeEach
    void useAGermanDefaultLocale() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreTheDefaultLocale() {
        Locale.setDefault(defaultLocale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tue, 25 Sep 2018 23:00:04 +0000",
        "Tue, 25 Sept 2018 23:00:04 +0000", "25 Sep 2018 23:00:04 +0000",
        "Tue,  25 SEP 2018 23:00:04 GMT", "Tuesday, 25 September 2018 23:00:04 +0000",
        "2018-09-25T23:00:04Z"})
    void readsTheVariantsSignalWireWritesWhateverTheDefaultLocale(String text) {
        assertThat(SignalWireDates.parse(text)).hasValueSatisfying(date ->
                assertThat(date.toInstant()).isEqualTo(SEPT_25.toInstant()));
    }

    @Test
    void readsOneDigitDaysAndOtherOffsets() {
        assertThat(SignalWireDates.parse("Wed, 5 Dec 2018 16:28:16 -0500"))
                .hasValue(OffsetDateTime.of(2018, 12, 5, 16, 28, 16, 0,
                        ZoneOffset.ofHours(-5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thu, 29 Feb 2024 00:00:00 +0000",
        "Sat, 31 Dec 2022 23:59:59 -0500", "Mon, 01 Jan 2024 12:30:45 +0530",
        "Sun, 07 Jul 2019 07:07:07 -1100"})
    void readsTheUsualFormExactlyAsTheJdkDoes(String text) {
        assertThat(SignalWireDates.parse(text)).hasValue(OffsetDateTime.parse(text,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Tue, 31 Feb 2018 23:00:04 +0075",
        "Tue, 45 Sep 2018 23:00:04 +0000"})
    void leavesUnreadableDatesEmpty(String text) {
        assertThat(SignalWireDates.parse(text)).isEmpty();
    }
}
