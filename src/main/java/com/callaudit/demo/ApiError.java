package com.callaudit.demo;

/**
 * A failure answered with SignalWire's error body
 * {@code {"code":…,"message":…,"more_info":…,"status":…}}.
 */
final class ApiError extends Exception {

    static final String MORE_INFO =
            "https://signalwire.com/docs/compatibility-api/reference/errors";

    private final int status;
    private final int code;

    ApiError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError authenticationFailed() {
        return new ApiError(401, 20003, "Authentication failed");
    }

    static ApiError notFound(String path) {
        return new ApiError(404, 20404,
                "The requested resource " + path + " was not found");
    }

    static ApiError invalidSid(String sid) {
        return new ApiError(400, 10000, "'" + sid + "' is not a valid SID; SIDs are UUIDs");
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
