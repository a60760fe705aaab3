package com.callaudit.api;

import java.io.IOException;
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
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity,
                LARGEST_BODY);
        return new Reply(response.getCode(), headerValue(response, "Content-Type"),
                headerValue(response, "Retry-After"), body == null ? new byte[0] : body);
    }

    boolean isWorthRetrying() {
        return RetryPolicy.isWorthRetrying(status);
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
