package com.callaudit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/** Turns what went wrong with a request into a {@link SignalWireException} a user can act on. */
final class ErrorTranslator {

    private final ObjectMapper json = new ObjectMapper();
    private final SpaceAddress space;

    ErrorTranslator(SpaceAddress space) {
        this.space = space;
    }

    SignalWireException fromReply(Reply reply, String what) {
        ErrorBody body = parseBody(reply);
        String sentence = sentenceFor(reply.status(), body, what);
        return new SignalWireException(sentence, reply.status(), body.code(),
                body.message(), body.moreInfo(), null);
    }

    SignalWireException fromNoAnswer(IOException e, String what) {
        String host = space.host();
        String sentence;
        if (e instanceof UnknownHostException) {
            sentence = "Cannot find the space " + host + ". Check its spelling, and that "
                    + "this computer is online.";
        } else if (e instanceof ConnectTimeoutException) {
            sentence = "The space " + host + " did not accept a connection in time. Check "
                    + "your network, then try again.";
        } else if (e instanceof HttpHostConnectException || e instanceof ConnectException
                || e instanceof NoRouteToHostException) {
            sentence = "Cannot connect to the space " + host + ". Check your network, then "
                    + "try again.";
        } else if (e instanceof SocketTimeoutException) {
            sentence = "The space " + host + " stopped answering while sending " + what
                    + ". Try again in a moment.";
        } else if (e instanceof SSLException) {
            sentence = "The secure connection to " + host + " failed, so nothing was sent: "
                    + "its certificate is not trusted or the connection was tampered with.";
        } else {
            sentence = "The connection to " + host + " broke while fetching " + what
                    + ". Try again.";
        }
        return SignalWireException.noAnswer(sentence, e);
    }

    private String sentenceFor(int status, ErrorBody body, String what) {
        String fromSpace = body.message() == null ? "" : " The space said: \""
                + body.message() + "\"" + (body.code() == null ? "" : " (code "
                + body.code() + ")") + ".";
        return switch (status) {
            case 401, 403 -> "The space refused the project ID and API token. Check both, "
                    + "and that the token has the Voice scope.";
            case 404 -> notFound(what);
            case 429 -> "The space is limiting requests (too many requests). CallAudit "
                    + "tried three times; wait a moment, then try again.";
            case 400, 422 -> "The space refused the request for " + what + "." + fromSpace;
            default -> otherStatus(status, body, what) + fromSpace;
        };
    }

    private static String notFound(String what) {
        if (what.startsWith("recording ")) {
            return "There is no " + what + " on this space. It may have been deleted, "
                    + "or belong to another project.";
        }
        return "The space has nothing at the address of " + what + ". Check the project "
                + "ID: it must be the project whose recordings you want.";
    }

    private static String otherStatus(int status, ErrorBody body, String what) {
        String kind = body.isJson() ? "" : body.isEmpty() ? ", with an empty answer"
                : ", with a web page instead of data (a proxy may be in the way)";
        if (status >= 500) {
            return "The space had a problem answering for " + what + " (HTTP " + status
                    + kind + "). Try again in a moment.";
        }
        if (status >= 300 && status < 400) {
            return "The space redirected the request for " + what + " (HTTP " + status
                    + "), which the API never does; a proxy may be in the way.";
        }
        return "The space answered HTTP " + status + " for " + what + kind + ".";
    }

    private ErrorBody parseBody(Reply reply) {
        if (reply.body().length == 0) {
            return ErrorBody.EMPTY;
        }
        try {
            JsonNode node = json.readTree(reply.body());
            if (node == null || !node.isObject()) {
                return ErrorBody.NOT_JSON;
            }
            JsonNode error = node.has("errors") ? node.path("errors").path(0) : node;
            if (error.isTextual()) {
                return new ErrorBody(true, false, null, error.asText(), null);
            }
            return new ErrorBody(true, false, codeOf(error.get("code")),
                    textOf(error.get("message")), textOf(error.get("more_info")));
        } catch (IOException e) {
            return ErrorBody.NOT_JSON;
        }
    }

    private static Integer codeOf(JsonNode code) {
        if (code == null || code.isNull()) {
            return null;
        }
        if (code.canConvertToInt()) {
            return code.asInt();
        }
        try {
            return Integer.valueOf(code.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String textOf(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private record ErrorBody(boolean isJson, boolean isEmpty, Integer code, String message,
            String moreInfo) {
        static final ErrorBody EMPTY = new ErrorBody(false, true, null, null, null);
        static final ErrorBody NOT_JSON = new ErrorBody(false, false, null, null, null);
    }
}
