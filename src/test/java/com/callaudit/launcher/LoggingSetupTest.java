package com.callaudit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {

    @Test
    void logbackTakesTheSetupInCodeWithOneLinePerEventToStandardError() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        Appender<ILoggingEvent> appender = context.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");

        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                .isEqualTo(LoggingSetup.PATTERN);
    }

    @Test
    void httpClientsHeaderLoggersStayOffWhateverItsPackageIsSetTo() {
        LoggerContext context = new LoggerContext();
        new LoggingSetup().configure(context);

        context.getLogger("org.apache.hc").setLevel(Level.DEBUG);

        for (String name : new String[] {"org.apache.hc.client5.http.headers",
                "org.apache.hc.client5.http.wire"}) {
            Logger logger = context.getLogger(name);
            assertThat(logger.getEffectiveLevel()).isEqualTo(Level.OFF);
        }
        assertThat(context.getLogger("org.apache.hc").getEffectiveLevel())
                .isEqualTo(Level.DEBUG);
        context.stop();
    }

    @Test
    void theLevelComesFromTheCallauditLogLevelProperty() {
        String before = System.getProperty("callaudit.log.level");
        System.setProperty("callaudit.log.level", "DEBUG");
        LoggerContext context = new LoggerContext();
        try {
            new LoggingSetup().configure(context);

            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
                    .isEqualTo(Level.DEBUG);
            assertThat(context.getLogger("org.apache.hc").getEffectiveLevel())
                    .isEqualTo(Level.WARN);
        } finally {
            if (before == null) {
                System.clearProperty("callaudit.log.level");
            } else {
                System.setProperty("callaudit.log.level", before);
            }
            context.stop();
        }
    }
}
