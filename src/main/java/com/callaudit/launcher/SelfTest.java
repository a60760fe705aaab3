package com.callaudit.launcher;

import com.callaudit.api.MediaFormat;
import com.callaudit.media.MediaRelay;
import com.callaudit.media.PlayabilityProbe;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * {@code --self-test}: checks that an installed CallAudit is complete and can play audio
 * on this machine, prints one PASS/FAIL line per check, and gives an exit status of 0
 * only if every check passed.
 *
 * <p>It needs no display: on Linux without {@code DISPLAY} it starts JavaFX headless
 * through Monocle, which the packages bundle for this alone. It needs a sound device,
 * because MediaPlayer opens one to play; a machine without any can lend it ALSA's null
 * device through {@code ALSA_CONFIG_PATH}.
 */
public final class SelfTest {

    private static final String MONOCLE_FACTORY =
            "com.sun.glass.ui.monocle.MonoclePlatformFactory";
    private static final Duration TOOLKIT_WAIT = Duration.ofSeconds(20);
    private static final Duration PLAY_WAIT = Duration.ofSeconds(20);

    private SelfTest() {
    }

    /**
     * Runs every check and prints the report to {@code out}.
     *
     * @return the process exit status: 0 if every check passed, else 1
     */
    public static int run(PrintStream out) {
        // The report goes to standard output; the components' INFO lines would bury it.
        if (System.getProperty("callaudit.log.level") == null) {
            System.setProperty("callaudit.log.level", "WARN");
        }
        out.println("CallAudit " + System.getProperty("jpackage.app-version", "(dev)")
                + " self-test, Java " + System.getProperty("java.version") + " at "
                + System.getProperty("java.home"));

        SelfTestReport report = new SelfTestReport();
        report.attempt("modules", RuntimeChecks::modules);
        report.attempt("libraries", RuntimeChecks::libraries);
        report.attempt("javafx natives", RuntimeChecks::javafxNatives);
        report.attempt("tls", RuntimeChecks::tls);
        report.attempt("demo space", RuntimeChecks::demoSpace);
        report.attempt("java sound", RuntimeChecks::javaSound);
        boolean toolkit = report.attempt("javafx toolkit", SelfTest::startToolkit).passed();
        playback(report, toolkit);

        report.lines().forEach(out::println);
        out.flush();
        return report.exitStatus();
    }

    /**
     * Starts JavaFX: on the screen if there is one, else headless. The choice of glass
     * platform is made once per JVM, so it has to happen before anything touches JavaFX.
     */
    private static String startToolkit() throws InterruptedException {
        String how = "started";
        if (RuntimeChecks.isLinux() && isBlank(System.getenv("DISPLAY"))) {
            if (!onClassPath(MONOCLE_FACTORY)) {
                throw new IllegalStateException("no DISPLAY, and Monocle (headless JavaFX)"
                        + " is not on the class path: run under X or xvfb-run");
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            how = "started headless (Monocle, no DISPLAY)";
        } else if (!isBlank(System.getenv("DISPLAY"))) {
            how = "started on DISPLAY " + System.getenv("DISPLAY");
        }

        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            // Only when the self-test runs inside a JVM that has JavaFX up (a test).
            ready.countDown();
            how = "already running";
        }
        Platform.setImplicitExit(false);
        if (!ready.await(TOOLKIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("JavaFX did not start within "
                    + TOOLKIT_WAIT.toSeconds() + " s");
        }
        return how;
    }

    /** Plays the probe tones through the app's relay: one check per format. */
    private static void playback(SelfTestReport report, boolean toolkitStarted) {
        if (!toolkitStarted) {
            for (MediaFormat format : MediaFormat.values()) {
                report.add(new SelfTestReport.Check(name(format), false,
                        "not tried: the JavaFX toolkit did not start"));
            }
            return;
        }
        try (MediaRelay relay = MediaRelay.start()) {
            PlayabilityProbe.Report played = new PlayabilityProbe(relay).run(PLAY_WAIT);
            for (PlayabilityProbe.Result result : played.results()) {
                report.add(new SelfTestReport.Check(name(result.format()),
                        result.playable(), explain(result)));
            }
        } catch (Exception | LinkageError e) {
            for (MediaFormat format : MediaFormat.values()) {
                report.add(new SelfTestReport.Check(name(format), false,
                        SelfTestReport.reason(e)));
            }
        }
    }

    private static String name(MediaFormat format) {
        return format.name().toLowerCase(Locale.ROOT) + " playback";
    }

    /** The probe's own words, plus what to do when the machine has no sound device. */
    static String explain(PlayabilityProbe.Result result) {
        if (result.playable()) {
            return result.detail() + " (MediaPlayer via the media relay)";
        }
        String detail = result.detail();
        if (detail != null && detail.contains("audio device")) {
            return detail + " - no sound device; for a check on a machine without one,"
                    + " set ALSA_CONFIG_PATH to a file holding: pcm.!default { type null }";
        }
        return detail;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, SelfTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
