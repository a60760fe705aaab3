package com.callaudit.api;

import java.util.Objects;

/**
 * A SignalWire project ID and API token: the username and password of Basic auth.
 *
 * <p>The token is a secret: {@link #toString()} never shows it, and nothing in CallAudit
 * writes it to a log, a URL or a file in plain text.
 */
public final class Credentials {

    private final String projectId;
    private final String token;

    public Credentials(String projectId, String token) {
        this.projectId = requireText(projectId, "Enter the project ID.");
        this.token = requireText(token, "Enter the API token.");
    }

    /** The project ID, which SignalWire also calls the AccountSid. */
    public String projectId() {
        return projectId;
    }

    /** The API token; hand it only to HTTP credentials of the space's own origin. */
    public String token() {
        return token;
    }

    private static String requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials that
                && projectId.equals(that.projectId)
                && token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, token);
    }

    @Override
    public String toString() {
        return "Credentials[projectId=" + projectId + ", token=(hidden)]";
    }
}
