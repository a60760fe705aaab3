package com.callaudit.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The media a fault plan asks for in place of a recording's own: re-encoded WAVs and
 * bytes that are not audio. Re-encodings are made once per recording and kept.
 * Thread-safe.
 */
final class FaultyMedia {

    /** Re-encoding reads the whole file; the 60-minute demo files are served as they are. */
    private static final long LARGEST_REENCODED = 32L * 1024 * 1024;

    private final Map<String, MediaBody> reencoded = new ConcurrentHashMap<>();

    MediaBody apply(FaultPlan faults, String sid, boolean mp3, MediaBody body) {
        if (faults.servesNotAudio()) {
            return MediaBody.of(body.contentType(), FaultPlan.notAudio());
        }
        FaultPlan.WavEncoding encoding = faults.wavEncoding();
        if (mp3 || encoding == FaultPlan.WavEncoding.AS_STORED
                || body.length() > LARGEST_REENCODED) {
            return body;
        }
        return reencoded.computeIfAbsent(encoding + " " + sid,
                key -> reencode(body, encoding));
    }

    private static MediaBody reencode(MediaBody body, FaultPlan.WavEncoding encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) body.length());
        try {
            body.write(bytes, 0, body.length() - 1);
            WavAudio.Pcm pcm = WavAudio.decode(bytes.toByteArray());
            byte[] file = encoding == FaultPlan.WavEncoding.MU_LAW
                    ? WavAudio.mulawFile(pcm) : WavAudio.extensibleFile(pcm);
            return MediaBody.of(body.contentType(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
