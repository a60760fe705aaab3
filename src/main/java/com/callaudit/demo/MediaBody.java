package com.callaudit.demo;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of one media file, produced on demand: a short prefix (such as a WAV
 * header) followed by a block repeated until the total length is reached.
 *
 * <p>A stored file is a prefix with no loop. A 60-minute recording is a header and a
 * few seconds of audio repeated, so no request ever builds the whole file in memory.
 * Immutable and safe to share between threads.
 */
final class MediaBody {

    private static final int CHUNK = 64 * 1024;

    private final String contentType;
    private final byte[] prefix;
    private final byte[] loop;
    private final long length;

    private MediaBody(String contentType, byte[] prefix, byte[] loop, long length) {
        if (loop.length == 0 && length != prefix.length) {
            throw new IllegalArgumentException("length without a loop to fill it");
        }
        this.contentType = contentType;
        this.prefix = prefix;
        this.loop = loop;
        this.length = length;
    }

    static MediaBody of(String contentType, byte[] bytes) {
        return new MediaBody(contentType, bytes, new byte[0], bytes.length);
    }

    static MediaBody looped(String contentType, byte[] prefix, byte[] loop, long length) {
        return new MediaBody(contentType, prefix, loop, length);
    }

    String contentType() {
        return contentType;
    }

    long length() {
        return length;
    }

    /** Writes bytes {@code first..last}, both inclusive, as a Range header counts them. */
    void write(OutputStream out, long first, long last) throws IOException {
        long position = first;
        while (position <= last) {
            int count = (int) Math.min(CHUNK, last - position + 1);
            if (position < prefix.length) {
                count = (int) Math.min(count, prefix.length - position);
                out.write(prefix, (int) position, count);
            } else {
                int offset = (int) ((position - prefix.length) % loop.length);
                count = Math.min(count, loop.length - offset);
                out.write(loop, offset, count);
            }
            position += count;
        }
    }
}
