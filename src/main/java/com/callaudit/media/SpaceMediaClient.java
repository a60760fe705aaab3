package com.callaudit.media;

import com.callaudit.api.Credentials;
import com.callaudit.api.RetryPolicy;
import com.callaudit.api.SpaceAddress;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;

/**
 * Opens a recording's media on the space, following SignalWire's media rules.
 *
 * <p>Media is public by default, so the first request goes without credentials; only a
 * 401 or 403 from the space's own origin brings a retry with Basic auth. Redirects are
 * followed here, at most {@link #MAX_REDIRECTS}, to https or loopback only, and
 * credentials go to no origin but the space's. A 429 or 503 is tried again, at most
 * {@link #MAX_TRIES} times in all, after the space's Retry-After (bounded) or a short
 * backoff. Thread-safe; the connection pool is shared.
 */
final class SpaceMediaClient implements Closeable {

    static final int MAX_REDIRECTS = 5;
    /** Tries in all when the space is rate limiting (429) or unavailable (503). */
    static final int MAX_TRIES = RetryPolicy.MAX_TRIES;

    private static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(5);

    private final CloseableHttpClient http;
    private final Duration responseTimeout;

    SpaceMediaClient(Duration connectTimeout, Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(responseTimeout))
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setResponseTimeout(Timeout.of(responseTimeout))
                .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connections)
                        .setMaxConnPerRoute(4)
                        .setMaxConnTotal(8)
                        .build())
                .setDefaultRequestConfig(requests)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                // Decompressing would make the announced length wrong.
                .disableContentCompression()
                .build();
    }

    /**
     * Opens the media at {@code url}, blocking until the space answers 200.
     *
     * @param credentials null when none are known; a protected recording then fails
     * @param onRequest receives each request as it starts, so a cancel can abort it
     */
    OpenMedia open(URI url, SpaceAddress space, Credentials credentials,
            Consumer<Cancellable> onRequest) throws FetchFailure {
        URI target = url;
        boolean authorise = false;
        int redirects = 0;
        int tries = 1;
        while (true) {
            checkTarget(target);
            boolean withAuth = authorise && credentials != null
                    && space.isSameOrigin(target);
            ClassicHttpResponse response = send(target, withAuth, credentials, onRequest);
            int status = response.getCode();
            if (status == 200) {
                return new OpenMedia(response);
            }
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            release(response);
            boolean mayAuthorise = !withAuth && credentials != null
                    && space.isSameOrigin(target);
            if ((status == 401 || status == 403) && mayAuthorise) {
                authorise = true;
            } else if (isRedirect(status) && location != null) {
                redirects++;
                if (redirects > MAX_REDIRECTS) {
                    throw new FetchFailure("The space redirected more than "
                            + MAX_REDIRECTS + " times; the recording cannot be reached.");
                }
                target = resolve(target, location.getValue());
            } else if (RetryPolicy.isWorthRetrying(status) && tries < MAX_TRIES) {
                // A GET of media changes nothing, so asking again is safe.
                pause(RetryPolicy.waitBefore(tries, retryAfter == null ? null
                        : retryAfter.getValue(), LONGEST_RETRY_WAIT));
                tries++;
            } else {
                throw new FetchFailure(describeStatus(status, withAuth),
                        status == 404 ? 404 : FetchFailure.BAD_GATEWAY);
            }
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private ClassicHttpResponse send(URI target, boolean withAuth,
            Credentials credentials, Consumer<Cancellable> onRequest) throws FetchFailure {
        HttpGet get = new HttpGet(target);
        if (withAuth) {
            get.setHeader(HttpHeaders.AUTHORIZATION, basic(credentials));
        }
        onRequest.accept(get);
        try {
            return http.executeOpen(null, get, null);
        } catch (IOException e) {
            throw describeFailure(e, target);
        } catch (IllegalStateException e) {
            // An abort racing connection setup surfaces as this, or its
            // subclass CancellationException.
            if (get.isCancelled()) {
                throw new FetchFailure("The download was cancelled.");
            }
            throw e;
        }
    }

    /** Words for a failure to talk to the host of {@code target}. */
    FetchFailure describeFailure(IOException e, URI target) {
        String host = target.getHost();
        if (e instanceof ConnectTimeoutException || e instanceof ConnectException) {
            return new FetchFailure("Could not connect to " + host + " to fetch the "
                    + "recording. Check the network and the space address.");
        }
        if (e instanceof UnknownHostException) {
            return new FetchFailure("The address " + host + " could not be found.");
        }
        if (e instanceof SSLException) {
            return new FetchFailure("The secure connection to " + host + " failed, so "
                    + "nothing was sent: its certificate is not trusted or the "
                    + "connection was tampered with.");
        }
        if (e instanceof InterruptedIOException) {
            return new FetchFailure(host + " did not answer within "
                    + responseTimeout.toSeconds() + " s.");
        }
        return new FetchFailure("The connection to " + host + " broke off ("
                + e.getClass().getSimpleName() + ").");
    }

    private static void checkTarget(URI target) throws FetchFailure {
        String scheme = target.getScheme() == null
                ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (target.getHost() == null) {
            throw new FetchFailure("The recording's address has no host.");
        }
        if (scheme.equals("https")) {
            return;
        }
        boolean loopbackHttp = scheme.equals("http") && LoopbackHost.is(target.getHost());
        if (!loopbackHttp) {
            throw new FetchFailure("The recording would have to be fetched from "
                    + target.getHost() + " without encryption; CallAudit refuses that.");
        }
    }

    private static URI resolve(URI base, String location) throws FetchFailure {
        try {
            return base.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailure("The space redirected to an address that is not "
                    + "valid.");
        }
    }

    private static void pause(Duration wait) throws FetchFailure {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure("The download was stopped while waiting to retry.");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303
                || status == 307 || status == 308;
    }

    private static String describeStatus(int status, boolean withAuth) {
        switch (status) {
            case 404:
                return "The space answered 404: no such recording.";
            case 401:
                return withAuth
                        ? "The space answered 401: it refused the project ID and token."
                        : "The space answered 401: this recording's media is protected "
                                + "and needs the project ID and token.";
            case 403:
                return "The space answered 403: these credentials may not read this "
                        + "recording.";
            default:
                return "The space answered " + status + " instead of the recording"
                        + (status >= 500 ? "; try again later." : ".");
        }
    }

    private static String basic(Credentials credentials) {
        String pair = credentials.projectId() + ":" + credentials.token();
        return "Basic " + Base64.getEncoder()
                .encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void release(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // The connection is discarded either way; nothing is left to free.
        }
    }

    /** A 200 response whose body is the media; close it to release the connection. */
    static final class OpenMedia implements Closeable {
        private final ClassicHttpResponse response;

        private OpenMedia(ClassicHttpResponse response) {
            this.response = response;
        }

        /** The announced length in bytes, or -1. */
        long contentLength() {
            HttpEntity entity = response.getEntity();
            return entity == null ? -1 : entity.getContentLength();
        }

        InputStream body() throws IOException {
            HttpEntity entity = response.getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        @Override
        public void close() {
            release(response);
        }
    }
}
