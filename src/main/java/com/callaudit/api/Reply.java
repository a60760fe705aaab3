package com.callaudit.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** A whole HTTP answer of the space, read and released by the response handler. */
record Reply(int status, String contentType, String retryAfterHeader, byte[] body) {

    // A page of 1000 recordings is about 1 MB; anything far larger is not ours to read.
    private static final int LARGEST_BODY = 32 * 1024 * 1024;

    /** Looks at the first bytes of a 200 answer while the rest is still arriving. */
    @FunctionalInterface
    interface Watcher {
        /** Called after each read with the bytes so far; true when it has seen enough. */
        boolean seen(byte[] body, int length);
    }

    static Reply read(ClassicHttpResponse response) throws IOException {
        return read(response, null);
    }

    static Reply read(ClassicHttpResponse response, Watcher watcher) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0]
                : readBody(entity, response.getCode() == 200 ? watcher : null);
        return new Reply(response.getCode(), headerValue(response, "Content-Type"),
                headerValue(response, "Retry-After"), body == null ? new byte[0] : body);
    }

    // With its length known, the body is read straight into an array of that size, in
    // reads as large as the socket gives (HttpCore skips its own buffer for large
    // reads); EntityUtils would copy it through 4 KB steps and then copy it again.
    private static byte[] readBody(HttpEntity entity, Watcher watcher) throws IOException {
        long length = entity.getContentLength();
        if (length < 0 || length > LARGEST_BODY) {
            return EntityUtils.toByteArray(entity, LARGEST_BODY);
        }
        byte[] body = new byte[(int) length];
        int read = 0;
        try (InputStream in = entity.getContent()) {
            while (in != null && read < body.length) {
                int chunk = in.read(body, read, body.length - read);
                if (chunk < 0) {
                    break;
                }
                read += chunk;
                if (watcher != null && watcher.seen(body, read)) {
                    watcher = null;
                }
            }
        }
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    boolean isWorthRetrying() {
        return RetryPolicy.isWorthRetrying(status);
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
