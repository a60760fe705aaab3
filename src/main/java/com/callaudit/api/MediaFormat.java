package com.callaudit.api;

/** The two audio encodings a SignalWire space serves for every recording. */
public enum MediaFormat {
    WAV(".wav", "audio/x-wav"),
    MP3(".mp3", "audio/mpeg");

    private final String extension;
    private final String contentType;

    MediaFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The file extension with its dot, as used in media URLs. */
    public String extension() {
        return extension;
    }

    /** The Content-Type a well-behaved server labels this format with. */
    public String contentType() {
        return contentType;
    }

    /** The other format, used when this one cannot be played. */
    public MediaFormat other() {
        return this == WAV ? MP3 : WAV;
    }
}
