package com.callaudit.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the demo space's JSON with the keys in SignalWire's order, in either today's
 * schema or the 2018 one seen in real responses ({@code legacy}).
 *
 * <p>{@code prefix} is the API root the request used, {@code /api/laml/2010-04-01} or
 * {@code /2010-04-01}; every emitted {@code uri} starts with it.
 */
final class ApiJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String accountSid;
    private final boolean legacy;

    ApiJson(String accountSid, boolean legacy) {
        this.accountSid = accountSid;
        this.legacy = legacy;
    }

    /** The URIs of a list page, each relative to the host and without {@code .json}. */
    record PageUris(String uri, String first, String next, String previous) {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static byte[] error(ApiError error) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("code", error.code());
            json.writeStringField("message", error.getMessage());
            json.writeStringField("more_info", ApiError.MORE_INFO);
            json.writeNumberField("status", error.status());
            json.writeEndObject();
        });
    }

    byte[] recording(Recording recording, String prefix) {
        return write(json -> writeRecording(json, recording, prefix));
    }

    byte[] recordingPage(PageUris uris, int page, int pageSize, List<Recording> items,
            String prefix) {
        return write(json -> {
            startPage(json, uris, page, pageSize, "recordings");
            for (Recording recording : items) {
                writeRecording(json, recording, prefix);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    byte[] transcription(Transcriptions.Transcription transcription, String prefix) {
        return write(json -> writeTranscription(json, transcription, prefix));
    }

    byte[] transcriptionPage(PageUris uris, int page, int pageSize,
            List<Transcriptions.Transcription> items, String prefix) {
        return write(json -> {
            startPage(json, uris, page, pageSize, "transcriptions");
            for (Transcriptions.Transcription transcription : items) {
                writeTranscription(json, transcription, prefix);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void startPage(JsonGenerator json, PageUris uris, int page,
            int pageSize, String itemsKey) throws IOException {
        json.writeStartObject();
        json.writeStringField("uri", uris.uri());
        json.writeStringField("first_page_uri", uris.first());
        json.writeStringField("next_page_uri", uris.next());
        json.writeStringField("previous_page_uri", uris.previous());
        json.writeNumberField("page", page);
        json.writeNumberField("page_size", pageSize);
        json.writeArrayFieldStart(itemsKey);
    }

    private void writeRecording(JsonGenerator json, Recording recording, String prefix)
            throws IOException {
        if (legacy) {
            writeLegacyRecording(json, recording, prefix);
            return;
        }
        String channels = Integer.toString(recording.channels());
        json.writeStartObject();
        json.writeStringField("sid", recording.sid());
        json.writeStringField("account_sid", accountSid);
        json.writeStringField("api_version", "2010-04-01");
        json.writeStringField("call_sid", recording.callSid());
        json.writeStringField("conference_sid", recording.conferenceSid());
        json.writeStringField("channel", channels);
        json.writeStringField("channels", channels);
        writeDates(json, recording);
        json.writeStringField("start_time", Rfc2822.format(recording.startTime()));
        json.writeStringField("end_time", Rfc2822.format(recording.endTime()));
        json.writeNumberField("duration", recording.duration());
        json.writeStringField("price", recording.price());
        json.writeStringField("price_unit", "USD");
        json.writeStringField("source", recording.source());
        json.writeStringField("status", recording.status());
        json.writeNullField("error_code");
        writeUris(json, recording, prefix);
        json.writeNullField("encryption_details");
        json.writeStringField("trim", recording.trim());
        json.writeEndObject();
    }

    /** The key order and types of the recording SignalWire returned in December 2018. */
    private void writeLegacyRecording(JsonGenerator json, Recording recording,
            String prefix) throws IOException {
        String channels = Integer.toString(recording.channels());
        json.writeStartObject();
        json.writeStringField("sid", recording.sid());
        json.writeStringField("api_version", "2010-04-01");
        json.writeStringField("channel", channels);
        json.writeStringField("channels", channels);
        json.writeStringField("account_sid", accountSid);
        json.writeStringField("call_sid", recording.callSid());
        json.writeStringField("conference_sid", recording.conferenceSid());
        writeDates(json, recording);
        json.writeNumberField("duration", recording.duration());
        json.writeStringField("start_time", Rfc2822.format(recording.startTime()));
        json.writeStringField("end_time", Rfc2822.format(recording.endTime()));
        json.writeNullField("error_code");
        writeLegacyPrice(json, recording.price());
        json.writeStringField("price_unit", "USD");
        json.writeStringField("source", recording.source());
        json.writeStringField("status", recording.status());
        writeUris(json, recording, prefix);
        json.writeEndObject();
    }

    private static void writeDates(JsonGenerator json, Recording recording)
            throws IOException {
        String created = Rfc2822.format(recording.dateCreated());
        json.writeStringField("date_created", created);
        json.writeStringField("date_updated", created);
    }

    private void writeUris(JsonGenerator json, Recording recording, String prefix)
            throws IOException {
        String account = prefix + "/Accounts/" + accountSid;
        String parent = recording.callSid() != null
                ? "/Calls/" + recording.callSid()
                : recording.conferenceSid() != null
                        ? "/Conferences/" + recording.conferenceSid() : "";
        json.writeStringField("uri",
                account + parent + "/Recordings/" + recording.sid() + ".json");
        json.writeObjectFieldStart("subresource_uris");
        json.writeStringField("transcriptions",
                account + "/Recordings/" + recording.sid() + "/Transcriptions.json");
        json.writeEndObject();
    }

    private void writeTranscription(JsonGenerator json,
            Transcriptions.Transcription transcription, String prefix) throws IOException {
        String created = Rfc2822.format(transcription.dateCreated());
        json.writeStartObject();
        json.writeStringField("sid", transcription.sid());
        json.writeStringField("account_sid", accountSid);
        json.writeStringField("api_version", "2010-04-01");
        json.writeStringField("recording_sid", transcription.recording().sid());
        json.writeStringField("date_created", created);
        json.writeStringField("date_updated", created);
        json.writeNumberField("duration", transcription.recording().duration());
        if (legacy) {
            writeLegacyPrice(json, transcription.price());
        } else {
            json.writeStringField("price", transcription.price());
        }
        json.writeStringField("price_unit", "USD");
        json.writeStringField("status", "completed");
        json.writeStringField("transcription_text",
                transcription.recording().transcription());
        if (!legacy) {
            json.writeStringField("type", "");
        }
        json.writeStringField("uri", prefix + "/Accounts/" + accountSid
                + "/Transcriptions/" + transcription.sid() + ".json");
        json.writeEndObject();
    }

    /** In 2018 prices were JSON numbers, and a free item showed {@code 0.0}. */
    private static void writeLegacyPrice(JsonGenerator json, String price)
            throws IOException {
        json.writeFieldName("price");
        if (price == null) {
            json.writeNumber(0.0);
        } else {
            json.writeNumber(new BigDecimal(price));
        }
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }
}
