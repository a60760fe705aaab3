package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The forms in which the demo space's token could leak: as typed, inside the Basic
 * credentials, URL-encoded, and its Base64 alone; for tests that prove it never does.
 */
public final class TokenTraces {

    private static final String PAIR = DemoSpace.PROJECT_ID + ":" + DemoSpace.TOKEN;

    private TokenTraces() {
    }

    /** Every form to look for. */
    public static List<String> forms() {
        Base64.Encoder base64 = Base64.getEncoder();
        return List.of(DemoSpace.TOKEN,
                base64.encodeToString(PAIR.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(DemoSpace.TOKEN.getBytes(StandardCharsets.UTF_8)),
                URLEncoder.encode(PAIR, StandardCharsets.UTF_8));
    }

    /** Fails when {@code text} holds the token in any of its forms; null passes. */
    public static void assertNoneIn(String text) {
        if (text == null) {
            return;
        }
        for (String form : forms()) {
            assertThat(text).as("text that must not hold the token").doesNotContain(form);
        }
    }
}
