package com.callaudit.media;

/** A WAV header that cannot be read; the message says what is wrong in plain words. */
public final class MalformedWavException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedWavException(String message) {
        super(message);
    }
}
