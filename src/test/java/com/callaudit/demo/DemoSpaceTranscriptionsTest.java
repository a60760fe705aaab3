package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSpaceTranscriptionsTest {

    private static final List<String> KEYS = List.of("sid", "account_sid", "api_version",
            "recording_sid", "date_created", "date_updated", "duration", "price",
            "price_unit", "status", "transcription_text", "type", "uri");

    private static DemoSpace space;
    private static DemoClient client;

    @BeforeAll
    static void startSpace() throws Exception {
        space = DemoSpace.start();
        client = new DemoClient(space);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @Test
    void recordingsTranscriptionsPageHoldsItsTranscription() {
        JsonNode transcribed = firstTranscription();
        String recordingSid = transcribed.path("recording_sid").asText();

        JsonNode page = client.getJson(DemoClient.ACCOUNT + "/Recordings/" + recordingSid
                + "/Transcriptions.json");

        assertThat(DemoClient.keys(page)).containsExactly("uri", "first_page_uri",
                "next_page_uri", "previous_page_uri", "page", "page_size", "transcriptions");
        assertThat(page.path("transcriptions")).hasSize(1);
        JsonNode transcription = page.path("transcriptions").get(0);
        assertThat(DemoClient.keys(transcription)).containsExactlyElementsOf(KEYS);
        assertThat(transcription.path("recording_sid").asText()).isEqualTo(recordingSid);
        assertThat(transcription.path("status").asText()).isEqualTo("completed");
        assertThat(transcription.path("type").asText()).isEmpty();
        assertThat(transcription.path("transcription_text").asText()).isNotBlank();
    }

    @Test
    void recordingWithoutTranscriptionHasAnEmptyPage() {
        List<String> transcribed = new ArrayList<>();
        allTranscriptions().forEach(t -> transcribed.add(t.path("recording_sid").asText()));
        String untranscribed = space.recordingSids().stream()
                .filter(sid -> !transcribed.contains(sid)).findFirst().orElseThrow();

        JsonNode page = client.getJson(DemoClient.ACCOUNT + "/Recordings/" + untranscribed
                + "/Transcriptions.json");

        assertThat(page.path("transcriptions")).isEmpty();
        assertThat(page.path("next_page_uri").isNull()).isTrue();
    }

    @Test
    void transcriptionIsReachableAtItsUriAndAccountListPages() {
        JsonNode first = firstTranscription();

        JsonNode fetched = client.getJson(first.path("uri").asText());
        List<JsonNode> paged = new ArrayList<>();
        String next = DemoClient.ACCOUNT + "/Transcriptions.json?PageSize=1";
        while (next != null) {
            JsonNode page = client.getJson(next);
            page.path("transcriptions").forEach(paged::add);
            next = page.path("next_page_uri").asText(null);
        }

        assertThat(fetched).isEqualTo(first);
        assertThat(paged).containsExactlyElementsOf(allTranscriptions());
    }

    @Test
    void transcriptionsOfUnknownRecordingAre404() {
        String path = DemoClient.ACCOUNT
                + "/Recordings/00000000-0000-4000-8000-000000000000/Transcriptions.json";

        assertThat(client.get(path).statusCode()).isEqualTo(404);
    }

    private static JsonNode firstTranscription() {
        return allTranscriptions().get(0);
    }

    private static List<JsonNode> allTranscriptions() {
        List<JsonNode> all = new ArrayList<>();
        client.getJson(DemoClient.ACCOUNT + "/Transcriptions.json?PageSize=1000")
                .path("transcriptions").forEach(all::add);
        assertThat(all).as("the catalog has transcribed recordings").isNotEmpty();
        return all;
    }
}
