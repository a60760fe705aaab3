package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoSpaceLifecycleTest {

    @Test
    void listensOnLoopbackAtTheOriginItReports() throws Exception {
        try (DemoSpace space = DemoSpace.start()) {
            DemoClient client = new DemoClient(space);

            int status = client.getWithoutAuth("/api/laml/2010-04-01/").statusCode();

            assertThat(space.origin().toString())
                    .isEqualTo("http://127.0.0.1:" + space.port());
            assertThat(space.port()).isPositive();
            assertThat(status).isEqualTo(404);
            assertThat(space.projectId()).isEqualTo(DemoSpace.PROJECT_ID);
            assertThat(space.token()).isEqualTo(DemoSpace.TOKEN).matches("PT[0-9a-f]{48}");
            assertThat(DemoSpace.TOKEN_WITHOUT_VOICE).matches("PT[0-9a-f]{48}");
        }
    }

    @Test
    void closeFreesThePortAndEndsTheServerThreads() throws Exception {
        DemoSpace space = DemoSpace.start();
        int port = space.port();
        new DemoClient(space).get(DemoClient.ACCOUNT + "/Recordings.json");

        space.close();
        space.close();

        try (ServerSocket reuse = new ServerSocket()) {
            reuse.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(reuse.isBound()).isTrue();
        }
        assertThat(waitUntilNoThreadNamed("demo-space-", Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void startsOnAGivenPortAndRefusesATakenOne() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }

        try (DemoSpace space = DemoSpace.start(new DemoSpace.Config().port(port))) {
            assertThat(space.port()).isEqualTo(port);
            assertThatThrownBy(() -> DemoSpace.start(new DemoSpace.Config().port(port)))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void firstByteDelayHoldsBackEveryResponse() throws Exception {
        Duration delay = Duration.ofMillis(300);
        try (DemoSpace slow = DemoSpace.start(new DemoSpace.Config().firstByteDelay(delay))) {
            long started = System.nanoTime();

            new DemoClient(slow).get(DemoClient.ACCOUNT + "/Recordings.json");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(delay);
        }
    }

    @Test
    void configIsImmutable() {
        DemoSpace.Config base = new DemoSpace.Config();

        DemoSpace.Config changed = base.port(8080).syntheticRecordings(5);

        assertThat(changed).isNotSameAs(base);
        assertThatThrownBy(() -> base.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.syntheticRecordings(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandReadsItsOptions() throws Exception {
        int realOnly;
        try (DemoSpace plain = DemoSpace.start()) {
            realOnly = plain.recordingCount();
        }

        DemoSpace.Config config = DemoSpaceCommand.parse(new String[] {"--demo-space",
            "--recordings", "7", "--long-recordings", "--protect-media"});

        try (DemoSpace space = DemoSpace.start(config)) {
            assertThat(space.isMediaProtected()).isTrue();
            assertThat(space.recordingCount()).isEqualTo(realOnly + 7 + 2);
        }
        assertThatThrownBy(() -> DemoSpaceCommand.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoSpaceCommand.parse(new String[] {"--colour"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DemoSpaceCommand.run(new String[] {"--recordings", "few"})).isEqualTo(2);
    }

    @Test
    void commandPrintsWhatToTypeIntoCallAudit() throws Exception {
        try (DemoSpace space = DemoSpace.start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            DemoSpaceCommand.printWelcome(space,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("http://127.0.0.1:" + space.port())
                    .contains(DemoSpace.PROJECT_ID)
                    .contains(DemoSpace.TOKEN);
        }
    }

    private static boolean waitUntilNoThreadNamed(String prefix, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                thread.join(left);
                if (thread.isAlive()) {
                    return false;
                }
            }
        }
        return true;
    }
}
