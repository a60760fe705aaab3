package com.callaudit.media;

import java.nio.file.Files;

/**
 * A process that holds a media cache with a file in it until it is ended: prints the
 * cache's folder, then waits for its standard input to close, which happens when the
 * test that started it ends, whatever way it ends. For the test of what an app ended by
 * a signal leaves.
 */
public final class CacheHoldingProcess {

    private CacheHoldingProcess() {
    }

    public static void main(String[] args) throws Exception {
        SessionCache cache = new SessionCache(1_000_000);
        Files.write(cache.folder().resolve("1-recording.wav"), new byte[4096]);
        System.out.println(cache.folder());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Nothing is sent; the loop ends when the input closes.
        }
    }
}
