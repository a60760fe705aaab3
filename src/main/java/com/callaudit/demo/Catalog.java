package com.callaudit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real recordings shipped on the class path under {@code demo/recordings/}: their
 * metadata from {@code catalog.json} and the raw bytes of their audio files.
 */
final class Catalog {

    static final String DIRECTORY = "demo/recordings/";

    /** One catalog row. {@code wav} and {@code mp3} are file names or null. */
    record Entry(String sid, String callSid, String conferenceSid, Instant dateCreated,
            Instant startTime, Instant endTime, int duration, int channels, String status,
            String source, String price, String trim, String wav, String mp3,
            boolean wavServedAsStored, String transcription) {
    }

    private Catalog() {
    }

    static List<Entry> load() throws IOException {
        JsonNode root;
        try (InputStream in = open("catalog.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode row : root.path("recordings")) {
            entries.add(entry(row));
        }
        return entries;
    }

    /** The bytes of a file next to the catalog. */
    static byte[] read(String fileName) throws IOException {
        try (InputStream in = open(fileName)) {
            return in.readAllBytes();
        }
    }

    static boolean exists(String fileName) {
        return Catalog.class.getClassLoader().getResource(DIRECTORY + fileName) != null;
    }

    private static InputStream open(String fileName) throws IOException {
        InputStream in = Catalog.class.getClassLoader()
                .getResourceAsStream(DIRECTORY + fileName);
        if (in == null) {
            throw new FileNotFoundException("class path resource " + DIRECTORY + fileName
                    + " is missing; build with the assets/recordings directory present");
        }
        return in;
    }

    private static Entry entry(JsonNode row) {
        return new Entry(
                row.path("sid").asText(),
                text(row, "call_sid"),
                text(row, "conference_sid"),
                instant(row, "date_created"),
                instant(row, "start_time"),
                instant(row, "end_time"),
                row.path("duration").asInt(),
                row.path("channels").asInt(1),
                row.path("status").asText("completed"),
                row.path("source").asText("DialVerb"),
                text(row, "price"),
                row.path("trim").asText("do-not-trim"),
                text(row, "wav"),
                text(row, "mp3"),
                "mulaw".equals(text(row, "serve_wav_as")),
                text(row, "transcription"));
    }

    private static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode row, String field) {
        String text = text(row, field);
        return text == null ? null : Instant.parse(text);
    }
}
