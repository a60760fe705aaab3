package com.callaudit.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The text SignalWire transcribed from a recording.
 *
 * @param sid the transcription SID
 * @param recordingSid the recording it was made from
 * @param status {@code completed} for every transcription the API returns
 * @param text what was said; empty when the transcription has no text
 */
public record Transcription(String sid, String recordingSid, String status,
        Optional<String> text) {

    static Transcription fromJson(JsonNode json) {
        JsonNode text = json.path("transcription_text");
        return new Transcription(json.path("sid").asText(),
                json.path("recording_sid").asText(),
                json.path("status").asText(),
                text.isTextual() ? Optional.of(text.asText()) : Optional.empty());
    }
}
