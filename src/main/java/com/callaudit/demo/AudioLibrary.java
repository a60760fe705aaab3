package com.callaudit.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The demo space's audio, built from the stored files on first request and cached, so
 * the thousands of synthetic recordings that reuse a file share one copy. Thread-safe.
 */
final class AudioLibrary {

    static final String WAV_TYPE = "audio/x-wav";
    static final String MP3_TYPE = "audio/mpeg";

    private final Map<String, MediaBody> bodies = new ConcurrentHashMap<>();
    private final Map<String, WavAudio.Pcm> decoded = new ConcurrentHashMap<>();

    /** The media of a catalog entry as its row says to serve it, or null if none. */
    RecordingMedia mediaOf(Catalog.Entry entry) {
        return mediaOf(entry, entry.wavServedAsStored());
    }

    /**
     * The media of a catalog entry with its WAV always decoded to PCM, for synthetic
     * recordings: the stored-as-is quirk belongs to its one real recording only.
     */
    RecordingMedia decodedMediaOf(Catalog.Entry entry) {
        return mediaOf(entry, false);
    }

    private RecordingMedia mediaOf(Catalog.Entry entry, boolean wavAsStored) {
        if (entry.wav() == null && entry.mp3() == null) {
            return null;
        }
        Supplier<MediaBody> wav = entry.wav() == null ? null
                : () -> wav(entry.wav(), wavAsStored);
        Supplier<MediaBody> mp3 = entry.mp3() == null ? null : () -> mp3(entry.mp3());
        return new RecordingMedia(wav, mp3);
    }

    /** The decoded 16-bit samples of a stored WAV file. */
    WavAudio.Pcm pcm(String fileName) {
        return decoded.computeIfAbsent(fileName, name -> {
            try {
                return WavAudio.decode(Catalog.read(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The stored file's raw bytes, for MP3s and for WAVs served as stored. */
    byte[] stored(String fileName) {
        try {
            return Catalog.read(fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MediaBody wav(String fileName, boolean asStored) {
        String key = (asStored ? "stored:" : "pcm16:") + fileName;
        return bodies.computeIfAbsent(key, k -> asStored
                ? MediaBody.of(WAV_TYPE, stored(fileName))
                : MediaBody.of(WAV_TYPE, WavAudio.file(pcm(fileName))));
    }

    private MediaBody mp3(String fileName) {
        return bodies.computeIfAbsent("mp3:" + fileName,
                k -> MediaBody.of(MP3_TYPE, stored(fileName)));
    }
}
