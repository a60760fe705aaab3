package com.callaudit.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;

/**
 * One recording of a space: typed values for the list, beside the JSON it came from.
 *
 * <p>SignalWire's field types have drifted over the years, so every typed value is read
 * tolerantly: {@code duration}, {@code channels} (or {@code channel}), {@code price} and
 * {@code error_code} may be a number, a string or null; a date that cannot be parsed keeps
 * its text. The raw JSON is the record's own bytes as the space sent them: every key in
 * the server's order, unknown ones included. Values are parsed once, when the recording
 * is made (see {@link RecordReader}). Instances are immutable.
 *
 * <p>A window may hold 100,000 of these, so the raw JSON is kept packed (see
 * {@link CompactJson}) and the date's text is kept apart only when it could not be read.
 */
public final class Recording {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String API_ACCOUNTS = RecordingsClient.API_PREFIX + "/Accounts/";

    private final String sid;
    private final String accountSid;
    private final String callSid;
    private final String conferenceSid;
    private final String unreadableDateText;
    private final OffsetDateTime dateCreated;
    private final int durationSeconds;
    private final int channels;
    private final String status;
    private final String source;
    private final BigDecimal price;
    private final String priceUnit;
    private final String errorCode;
    private final byte[] rawJson;
    private final boolean packed;

    // Made by RecordReader, which reads the values and packs the raw JSON.
    Recording(String sid, String accountSid, String callSid, String conferenceSid,
            OffsetDateTime dateCreated, String unreadableDateText, int durationSeconds,
            int channels, String status, String source, BigDecimal price, String priceUnit,
            String errorCode, byte[] rawJson, boolean packed) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.callSid = callSid;
        this.conferenceSid = conferenceSid;
        this.dateCreated = dateCreated;
        this.unreadableDateText = unreadableDateText;
        this.durationSeconds = durationSeconds;
        this.channels = channels;
        this.status = status;
        this.source = source;
        this.price = price;
        this.priceUnit = priceUnit;
        this.errorCode = errorCode;
        this.rawJson = rawJson;
        this.packed = packed;
    }

    /**
     * Reads one recording object.
     *
     * @throws IllegalArgumentException when the JSON is not an object with a text {@code sid}
     */
    public static Recording fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the record is not a JSON object");
        }
        return fromBytes(toBytes((ObjectNode) json));
    }

    /**
     * Reads one recording object from its bytes.
     *
     * @throws IllegalArgumentException when they are not JSON, or not an object with a
     *     text {@code sid}
     */
    static Recording fromBytes(byte[] json) {
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            parser.nextToken();
            return new RecordReader().read(parser, json);
        } catch (RecordReader.BadRecord e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the record is not readable JSON", e);
        }
    }

    /** The recording SID, a UUID on SignalWire. */
    public String sid() {
        return sid;
    }

    /** The call this recording belongs to; empty for conference recordings. */
    public Optional<String> callSid() {
        return Optional.ofNullable(callSid);
    }

    /** The conference this recording belongs to; empty for call recordings. */
    public Optional<String> conferenceSid() {
        return Optional.ofNullable(conferenceSid);
    }

    /** When the recording was created; empty when the space sent no readable date. */
    public Optional<OffsetDateTime> dateCreated() {
        return Optional.ofNullable(dateCreated);
    }

    /**
     * Orders by creation, oldest first, recordings without a readable date last. It
     * reads the field itself: a table sorts 100,000 rows with some 1.7 million
     * comparisons on the FX thread, and an Optional per side would double their cost.
     */
    public static Comparator<Recording> byDateCreated() {
        return (a, b) -> {
            if (a.dateCreated == null || b.dateCreated == null) {
                return Boolean.compare(a.dateCreated == null, b.dateCreated == null);
            }
            return a.dateCreated.compareTo(b.dateCreated);
        };
    }

    /** The date exactly as the space wrote it, or empty. */
    public Optional<String> dateCreatedText() {
        if (dateCreated == null) {
            return Optional.ofNullable(unreadableDateText);
        }
        return Optional.ofNullable(text(raw(), "date_created"));
    }

    /** Length in whole seconds; -1 when the space did not say or said something unreadable. */
    public int durationSeconds() {
        return durationSeconds;
    }

    /** 1 for mono, 2 for dual-channel (one leg of the call per side), 0 when unknown. */
    public int channels() {
        return channels;
    }

    /** {@code completed}, {@code in-progress}, {@code absent} and so on; empty if missing. */
    public String status() {
        return status == null ? "" : status;
    }

    /** What made the recording ({@code DialVerb}, {@code RecordVerb}, …); empty if missing. */
    public String source() {
        return source == null ? "" : source;
    }

    /** The price, negative for a charge; empty when not priced yet. */
    public Optional<BigDecimal> price() {
        return Optional.ofNullable(price);
    }

    /** The currency of {@link #price()}, such as {@code USD}; empty if missing. */
    public String priceUnit() {
        return priceUnit == null ? "" : priceUnit;
    }

    /** The error code the space gave this recording, as text whatever its JSON type. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Whether the status says the audio is final and can be fetched. */
    public boolean isCompleted() {
        return "completed".equalsIgnoreCase(status);
    }

    /** The JSON as the space sent it: every key, in the server's order. A fresh copy. */
    public ObjectNode raw() {
        try {
            return (ObjectNode) JSON.readTree(packed
                    ? CompactJson.unpack(rawJson, packedValues()) : rawJson);
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading JSON this class wrote", e);
        }
    }

    // The record's JSON bytes as they came, for tests.
    byte[] rawBytes() {
        return packed ? CompactJson.unpack(rawJson, packedValues()) : rawJson.clone();
    }

    private String[] packedValues() {
        return new String[] {sid, accountSid, callSid != null ? callSid : conferenceSid,
                API_ACCOUNTS};
    }

    private static byte[] toBytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JSON tree to bytes", e);
        }
    }

    private static String text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return "Recording[" + sid + ", " + status() + ", " + durationSeconds + " s]";
    }
}
