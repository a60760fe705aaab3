package com.callaudit.demo;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body that lets only its first bytes through and then fails, so the server
 * drops the connection with less sent than it announced: a network cut mid-body.
 */
final class CutStream extends FilterOutputStream {

    /** Thrown once the allowed bytes are out; the handler lets it reach the server. */
    static final class Cut extends IOException {
        private static final long serialVersionUID = 1L;

        Cut() {
            super("fault plan: connection cut mid-body");
        }
    }

    private long left;

    CutStream(OutputStream body, long allowed) {
        super(body);
        this.left = allowed;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int passed = (int) Math.min(length, left);
        out.write(bytes, offset, passed);
        left -= passed;
        if (passed < length) {
            out.flush();
            throw new Cut();
        }
    }
}
