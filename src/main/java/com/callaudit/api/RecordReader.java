package com.callaudit.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one recording object token by token, straight from the bytes of the page it
 * is in: the typed values from the tokens, the raw JSON as the object's own bytes
 * (packed), with no JSON tree and no writing back.
 *
 * <p>Values are read as {@link Recording} documents them (a number or a string for
 * {@code duration}, {@code channels}, {@code price}, {@code error_code}; the last of a
 * repeated key wins, as in a JSON tree). One instance per page reader: it keeps
 * buffers and the few repeated texts (account, status, source, unit) between records,
 * so it is not thread-safe.
 */
final class RecordReader {

    private static final int REPEATED = 8;

    private final CompactJson.Packer packer = new CompactJson.Packer();
    private final CharSlice slice = new CharSlice();
    private final String[] accounts = new String[REPEATED];
    private final String[] statuses = new String[REPEATED];
    private final String[] sources = new String[REPEATED];
    private final String[] units = new String[REPEATED];

    // The values of the record being read; reset for each one.
    private boolean sidIsText;
    private String sidText;
    private String accountSid;
    private String callSid;
    private String conferenceSid;
    private OffsetDateTime dateCreated;
    private String dateText;
    private int duration;
    private int channels;
    private int channel;
    private String status;
    private String source;
    private BigDecimal price;
    private String priceUnit;
    private String errorCode;
    // A key whose value could not be converted (an infinite price, say) makes the
    // record unreadable, unless the key comes again with a value that can be.
    private Map<String, RuntimeException> failures;

    /**
     * Reads the value the parser is on, which ends at the parser's position after.
     *
     * @param body the bytes the parser reads, from offset 0
     * @throws IOException when the JSON itself is broken: the page cannot be read on
     * @throws BadRecord when the value is not a readable recording; the parser is then
     *     past it, so the page reads on
     */
    Recording read(JsonParser parser, byte[] body) throws IOException, BadRecord {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            throw new BadRecord("", "the record is not a JSON object");
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        reset();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            try {
                readField(key, parser);
                if (failures != null) {
                    failures.remove(key);
                }
            } catch (RuntimeException unreadable) {
                failures = failures == null ? new LinkedHashMap<>() : failures;
                failures.put(key, unreadable);
            }
        }
        int end = (int) parser.currentLocation().getByteOffset();
        String sid = sidText == null ? "" : sidText;
        if (!sidIsText || sid.isBlank()) {
            throw new BadRecord(sid, "the record has no recording SID");
        }
        if (failures != null && !failures.isEmpty()) {
            throw new BadRecord(sid, String.valueOf(
                    failures.values().iterator().next().getMessage()));
        }
        if (start < 0 || end <= start || end > body.length) {
            // A parser that cannot tell byte offsets (a page not in UTF-8) gives no slice.
            throw new BadRecord(sid, "the record's bytes could not be located on the page");
        }
        return build(sid, body, start, end);
    }

    private void reset() {
        sidIsText = false;
        sidText = null;
        accountSid = null;
        callSid = null;
        conferenceSid = null;
        dateCreated = null;
        dateText = null;
        duration = -1;
        channels = -1;
        channel = -1;
        status = null;
        source = null;
        price = null;
        priceUnit = null;
        errorCode = null;
        failures = null;
    }

    private void readField(String key, JsonParser parser) throws IOException {
        switch (key) {
            case "sid" -> {
                sidIsText = parser.currentToken() == JsonToken.VALUE_STRING;
                sidText = text(parser);
            }
            case "account_sid" -> accountSid = repeated(parser, accounts);
            case "call_sid" -> callSid = text(parser);
            case "conference_sid" -> conferenceSid = text(parser);
            case "date_created" -> readDate(parser);
            case "duration" -> duration = wholeNumber(parser);
            case "channels" -> channels = wholeNumber(parser);
            case "channel" -> channel = wholeNumber(parser);
            case "status" -> status = repeated(parser, statuses);
            case "source" -> source = repeated(parser, sources);
            case "price" -> price = decimal(parser);
            case "price_unit" -> priceUnit = repeated(parser, units);
            case "error_code" -> errorCode = text(parser);
            default -> parser.skipChildren();
        }
    }

    private Recording build(String sid, byte[] body, int start, int end) {
        int count = channels > 0 ? channels : channel;
        String parent = callSid != null ? callSid : conferenceSid;
        byte[] raw = packer.pack(body, start, end, sid, accountSid, parent,
                Recording.API_ACCOUNTS);
        return new Recording(sid, accountSid, callSid, conferenceSid, dateCreated,
                dateCreated == null ? dateText : null, duration,
                count == 1 || count == 2 ? count : 0, status, source, price,
                priceUnit, errorCode, raw, packer.packed());
    }

    // The usual form is read from the parser's characters; only another form, or a
    // date that cannot be read, makes a String.
    private void readDate(JsonParser parser) throws IOException {
        dateCreated = null;
        dateText = null;
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            slice.of(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength());
            dateCreated = SignalWireDates.parseCanonical(slice);
            if (dateCreated != null) {
                return;
            }
        }
        dateText = text(parser);
        dateCreated = SignalWireDates.parse(dateText).orElse(null);
    }

    /** The value as a JSON tree's {@code asText()} gives it; null for null, "" or a container. */
    static String text(JsonParser parser) throws IOException {
        String text = switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> integerText(parser);
            case VALUE_NUMBER_FLOAT -> Double.toString(parser.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield null;
            }
            default -> null;
        };
        return text == null || text.isEmpty() ? null : text;
    }

    private static String integerText(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> Integer.toString(parser.getIntValue());
            case LONG -> Long.toString(parser.getLongValue());
            default -> parser.getBigIntegerValue().toString();
        };
    }

    // Status, source, unit and account take a handful of values over 100,000 rows: one
    // interned copy of each, found again without making a String per record.
    private String repeated(JsonParser parser, String[] seen) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            String text = text(parser);
            return text == null ? null : text.intern();
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length == 0) {
            return null;
        }
        for (int i = 0; i < seen.length && seen[i] != null; i++) {
            if (sameText(seen[i], chars, offset, length)) {
                return seen[i];
            }
        }
        String text = new String(chars, offset, length).intern();
        System.arraycopy(seen, 0, seen, 1, seen.length - 1);
        seen[0] = text;
        return text;
    }

    private static boolean sameText(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** As a JSON tree's {@code asInt()} for numbers; text is read as a decimal. */
    private static int wholeNumber(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> (int) parser.getLongValue();
                    default -> parser.getBigIntegerValue().intValue();
                };
            case VALUE_NUMBER_FLOAT:
                return (int) parser.getDoubleValue();
            case VALUE_NULL:
                return -1;
            default:
                break;
        }
        String text = text(parser);
        try {
            return new BigDecimal(text == null ? "" : text.strip()).intValue();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** As a JSON tree's {@code decimalValue()} for numbers (an infinite one throws). */
    private static BigDecimal decimal(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> BigDecimal.valueOf(parser.getIntValue());
                    case LONG -> BigDecimal.valueOf(parser.getLongValue());
                    default -> new BigDecimal(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return BigDecimal.valueOf(parser.getDoubleValue());
            case VALUE_NULL:
                return null;
            default:
                break;
        }
        String text = text(parser);
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A record of a page that is not a readable recording; the page reads on. */
    static final class BadRecord extends Exception {

        private final String sid;

        BadRecord(String sid, String reason) {
            super(reason, null, false, false);
            this.sid = sid;
        }

        /** Its SID as text if it had one, else an empty string. */
        String sid() {
            return sid;
        }
    }

    /** The parser's characters of one value, seen as text without copying them. */
    private static final class CharSlice implements CharSequence {
        private char[] chars;
        private int offset;
        private int length;

        void of(char[] chars, int offset, int length) {
            this.chars = chars;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, offset + start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }
}
