package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheShapeObservedIn2018() throws IOException {
        Recording recording = Recording.fromJson(fixture("recording-2018.json"));

        assertThat(recording.sid()).isEqualTo("e4c78e17-c0e2-441d-b5dd-39a6dad496f8");
        assertThat(recording.durationSeconds()).isEqualTo(14);
        assertThat(recording.channels()).isEqualTo(1);
        assertThat(recording.price()).hasValueSatisfying(price ->
                assertThat(price).isEqualByComparingTo(BigDecimal.ZERO));
        assertThat(recording.callSid()).hasValue("d411976d-d319-4fbd-923c-57c62b6f677a");
        assertThat(recording.conferenceSid()).isEmpty();
        assertThat(recording.dateCreated()).isPresent();
        assertThat(recording.isCompleted()).isTrue();
    }

    @Test
    void readsTheCurrentShapeWithDriftedTypes() throws IOException {
        Recording recording = Recording.fromJson(fixture("recording-current.json"));

        assertThat(recording.durationSeconds()).isEqualTo(4);
        assertThat(recording.channels()).isEqualTo(2);
        assertThat(recording.price()).hasValue(new BigDecimal("-0.0025"));
        assertThat(recording.errorCode()).hasValue("13227");
        assertThat(recording.dateCreated()).isPresent();
        assertThat(recording.source()).isEqualTo("DialVerb");
    }

    @Test
    void keepsEveryKeyInTheServersOrderUnknownOnesToo() throws IOException {
        JsonNode json = fixture("recording-current.json");

        Recording recording = Recording.fromJson(json);

        assertThat(keys(recording.raw())).isEqualTo(keys(json))
                .contains("x_unknown_future_key", "encryption_details", "trim");
        assertThat(recording.raw().path("x_unknown_future_key").path("nested").size())
                .isEqualTo(2);
    }

    @Test
    void keepsTheTextOfADateItCannotRead() throws IOException {
        JsonNode json = JSON.readTree("{\"sid\":\"a1\",\"date_created\":\"soon\"}");

        Recording recording = Recording.fromJson(json);

        assertThat(recording.dateCreated()).isEmpty();
        assertThat(recording.dateCreatedText()).hasValue("soon");
    }

    @Test
    void fallsBackToTheSingularChannelKeyAndToleratesNulls() throws IOException {
        JsonNode json = JSON.readTree("{\"sid\":\"a1\",\"channels\":null,\"channel\":2,"
                + "\"duration\":null,\"price\":null,\"error_code\":null}");

        Recording recording = Recording.fromJson(json);

        assertThat(recording.channels()).isEqualTo(2);
        assertThat(recording.durationSeconds()).isEqualTo(-1);
        assertThat(recording.price()).isEmpty();
        assertThat(recording.errorCode()).isEmpty();
    }

    @Test
    void refusesARecordWithoutASid() throws IOException {
        JsonNode json = JSON.readTree("{\"sid\":12,\"duration\":3}");

        assertThatThrownBy(() -> Recording.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no recording SID");
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = RecordingTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    private static List<String> keys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
