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

    static Reply read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readBody(entity);
        return new Reply(response.getCode(), headerValue(response, "Content-Type"),
                headerValue(response, "Retry-After"), body == null ? new byte[0] : body);
    }

    // With its length known, the body is read straight into an array of that size, in
    // reads as large as the socket gives (HttpCore skips its own buffer for large
    // reads); EntityUtils would copy it through 4 KB steps and then copy it again.
    private static byte[] readBody(HttpEntity entity) throws IOException {
        long length = entity.getContentLength();
        if (length < 0 || length > LARGEST_BODY) {
            return EntityUtils.toByteArray(entity, LARGEST_BODY);
        }
        byte[] body = new byte[(int) length];
        try (InputStream in = entity.getContent()) {
            int read = in == null ? 0 : in.readNBytes(body, 0, body.length);
            return read == body.length ? body : Arrays.copyOf(body, read);
        }
    }

    boolean isWorthRetrying() {
        return RetryPolicy.isWorthRetrying(status);
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
