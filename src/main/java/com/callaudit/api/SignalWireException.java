package com.callaudit.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Anything that went wrong talking to a space, with the facts a user needs.
 *
 * <p>{@link #getMessage()} is a sentence in plain words, fit to show as it is. The HTTP
 * status is 0 when no answer came (no network, timeout, cancelled). The SignalWire error
 * {@code code}, its {@code message} and {@code more_info} are present when the space sent
 * its JSON error body, and empty when it sent something else (an HTML page, nothing).
 */
public final class SignalWireException extends IOException {

    private final int httpStatus;
    private final Integer code;
    private final String serverMessage;
    private final String moreInfo;

    SignalWireException(String userMessage, int httpStatus, Integer code,
            String serverMessage, String moreInfo, Throwable cause) {
        super(userMessage, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.serverMessage = serverMessage;
        this.moreInfo = moreInfo;
    }

    static SignalWireException noAnswer(String userMessage, Throwable cause) {
        return new SignalWireException(userMessage, 0, null, null, null, cause);
    }

    static SignalWireException unreadable(String userMessage, int status, Throwable cause) {
        return new SignalWireException(userMessage, status, null, null, null, cause);
    }

    /** The HTTP status the space answered, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** SignalWire's numeric error code, such as 20003 for failed authentication. */
    public Optional<Integer> code() {
        return Optional.ofNullable(code);
    }

    /** The space's own wording of the error, which may differ from the user message. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /** The documentation link the space sent with the error. */
    public Optional<String> moreInfo() {
        return Optional.ofNullable(moreInfo);
    }

    /** Whether the credentials were refused (wrong project ID or token, or no Voice scope). */
    public boolean isAuthenticationFailure() {
        return httpStatus == 401 || httpStatus == 403;
    }

    /** Whether the thing asked for does not exist on the space. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
