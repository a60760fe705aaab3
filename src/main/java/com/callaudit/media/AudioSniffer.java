package com.callaudit.media;

import com.callaudit.api.MediaFormat;

/**
 * Tells audio from other bytes by how a file starts, never by its Content-Type, since
 * spaces and storage may label audio {@code application/octet-stream}.
 */
final class AudioSniffer {

    /** Bytes needed to recognise either format. */
    static final int PREFIX_BYTES = 12;

    private AudioSniffer() {
    }

    /**
     * Checks that {@code prefix} starts a file of the {@code expected} format.
     *
     * @throws FetchFailure naming what the bytes look like instead
     */
    static void check(byte[] prefix, int length, MediaFormat expected)
            throws FetchFailure {
        MediaFormat found = detect(prefix, length);
        if (found == expected) {
            return;
        }
        if (found != null) {
            throw new FetchFailure("The space sent " + found + " audio where "
                    + expected + " was asked for.");
        }
        throw new FetchFailure("The file is not audio (" + describe(prefix, length) + ").");
    }

    /** The format these bytes start, or null when they start neither. */
    static MediaFormat detect(byte[] b, int length) {
        if (length >= 12 && startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE")) {
            return MediaFormat.WAV;
        }
        if (length >= 3 && startsWith(b, 0, "ID3")) {
            return MediaFormat.MP3;
        }
        boolean frameSync = length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0;
        boolean layerSet = length >= 2 && (b[1] & 0x06) != 0;
        return frameSync && layerSet ? MediaFormat.MP3 : null;
    }

    private static String describe(byte[] b, int length) {
        if (length == 0) {
            return "it is empty";
        }
        int first = 0;
        while (first < length && Character.isWhitespace(b[first])) {
            first++;
        }
        char start = first < length ? (char) (b[first] & 0xFF) : ' ';
        if (start == '<') {
            return "it looks like an HTML page";
        }
        if (start == '{' || start == '[') {
            return "it looks like a JSON document";
        }
        if (length < 4) {
            return "it is only " + length + " bytes long";
        }
        return "its first bytes match neither WAV nor MP3";
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
