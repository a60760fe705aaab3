package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SignalWireException;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan.Body;
import com.callaudit.demo.FaultPlan.Route;
import com.callaudit.demo.RequestLog;
import com.callaudit.demo.TokenTraces;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The token stays secret through a whole session at DEBUG: signing in, listing,
 * fetching, playing protected media through the relay, and failing. It appears in no
 * log line, no URL the app builds or hands the player, and no request target.
 */
class TokenSecrecyTest {

    /** The loggers a support engineer turns up; HttpClient's own included. */
    private static final List<String> LOUD_LOGGERS =
            List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "org.apache.hc", "com.callaudit");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Level> levelsBefore = new ArrayList<>();
    private DemoSpace demo;
    private MediaRelay relay;
    private RecordingsClient client;

    @BeforeEach
    void captureEverythingAtDebug() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        for (String name : LOUD_LOGGERS) {
            Logger logger = context.getLogger(name);
            levelsBefore.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        demo = DemoSpace.start(new DemoSpace.Config().mediaProtected(true));
        relay = MediaRelay.start();
        client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
    }

    @AfterEach
    void restoreLogging() {
        client.close();
        relay.close();
        demo.close();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        for (int i = 0; i < LOUD_LOGGERS.size(); i++) {
            context.getLogger(LOUD_LOGGERS.get(i)).setLevel(levelsBefore.get(i));
        }
        captured.stop();
    }

    @Test
    void aWholeSessionAtDebugNeverLogsOrAddressesTheToken() throws Exception {
        List<String> urls = new ArrayList<>();

        client.checkSignIn();
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(3));
        RecordingPage second = client.next(page);
        Recording recording = client.fetch(second.recordings().get(0).sid());
        String sid = completedSid(page, second);
        for (MediaFormat format : MediaFormat.values()) {
            URI mediaUrl = client.mediaUri(sid, format);
            RelayedMedia media = relay.register(mediaUrl, format, client.space(),
                    client.credentials());
            media.finished().get(30, TimeUnit.SECONDS);
            assertThat(RelayClient.get(media.localUri()).statusCode()).isEqualTo(200);
            urls.add(mediaUrl.toString());
            urls.add(media.localUri().toString());
        }
        failOnce();

        // Relay and server threads may still be logging: read a snapshot.
        List<ILoggingEvent> lines;
        synchronized (captured) {
            lines = List.copyOf(captured.list);
        }
        assertThat(recording.sid()).isNotBlank();
        assertThat(lines).as("log lines").hasSizeGreaterThan(10);
        assertThat(lines).anySatisfy(event ->
                assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
        lines.forEach(event -> TokenTraces.assertNoneIn(everythingIn(event)));
        urls.forEach(TokenTraces::assertNoneIn);
        demo.requests().entries().stream().map(RequestLog.Entry::pathAndQuery)
                .forEach(TokenTraces::assertNoneIn);
    }

    private void failOnce() {
        demo.faults().status(502, Body.HTML, Route.LIST, 1);
        try {
            client.list(RecordingQuery.all());
            throw new AssertionError("the injected 502 did not fail the list");
        } catch (SignalWireException expected) {
            TokenTraces.assertNoneIn(expected.getMessage());
        }
    }

    private static String completedSid(RecordingPage... pages) {
        for (RecordingPage page : pages) {
            for (Recording recording : page.recordings()) {
                if (recording.isCompleted()) {
                    return recording.sid();
                }
            }
        }
        throw new AssertionError("no completed recording on the first pages");
    }

    /** The message, its arguments and every throwable in an event, as one text. */
    private static String everythingIn(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append('\n').append(argument);
            }
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append('\n').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }
}
