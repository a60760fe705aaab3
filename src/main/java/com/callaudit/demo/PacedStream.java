package com.callaudit.demo;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A response body that goes out no faster than a given rate, as it would from a space
 * across the internet; on loopback it would otherwise go as fast as two threads can
 * copy it.
 */
final class PacedStream extends FilterOutputStream {

    // Written in pieces this large, each once the rate allows it.
    private static final int PIECE = 16 * 1024;

    private final long bytesPerSecond;
    private final long started = System.nanoTime();
    private long sent;

    PacedStream(OutputStream body, long bytesPerSecond) {
        super(body);
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int piece = Math.min(PIECE, length - done);
            waitForTheRate();
            out.write(bytes, offset + done, piece);
            sent += piece;
            done += piece;
        }
    }

    // Sleeps until what was sent so far is not ahead of the rate.
    private void waitForTheRate() throws IOException {
        long due = started + sent * 1_000_000_000L / bytesPerSecond;
        long ahead = due - System.nanoTime();
        if (ahead <= 0) {
            return;
        }
        out.flush();
        try {
            Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("demo space is stopping");
        }
    }
}
