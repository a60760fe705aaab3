package com.callaudit.ui.recordings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the recording SID in what a user pasted: a bare SID, or any recording URL of the
 * API or media form ({@code …/Recordings/{Sid}}, {@code .json}, {@code .wav},
 * {@code .mp3}, under a call or a conference, with or without a query).
 */
public final class RecordingReference {

    private static final Pattern IN_URL = Pattern.compile(
            "/Recordings/([A-Za-z0-9][A-Za-z0-9-]{0,63})(?:\\.(?:json|wav|mp3))?(?:[/?#]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_SID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");

    private RecordingReference() {
    }

    /** The SID in the text; empty when there is none. */
    public static Optional<String> sidIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher url = IN_URL.matcher(trimmed);
        String last = null;
        while (url.find()) {
            last = url.group(1);
        }
        if (last != null && !last.equalsIgnoreCase("Transcriptions")) {
            return Optional.of(last);
        }
        if (BARE_SID.matcher(trimmed).matches()) {
            return Optional.of(trimmed);
        }
        return Optional.empty();
    }
}
