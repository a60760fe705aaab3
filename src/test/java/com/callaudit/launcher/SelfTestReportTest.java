package com.callaudit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfTestReportTest {

    @Test
    void exitsZeroOnlyWhenEveryCheckPassed() {
        SelfTestReport allGood = new SelfTestReport();
        allGood.attempt("modules", () -> "all there");
        allGood.attempt("tls", () -> "TLSv1.3");

        SelfTestReport oneBad = new SelfTestReport();
        oneBad.attempt("modules", () -> "all there");
        oneBad.attempt("tls", () -> {
            throw new IllegalStateException("no CA certificates");
        });

        assertThat(allGood.exitStatus()).isZero();
        assertThat(oneBad.exitStatus()).isEqualTo(1);
    }

    @Test
    void aReportWithoutChecksDoesNotPass() {
        SelfTestReport empty = new SelfTestReport();

        assertThat(empty.exitStatus()).isEqualTo(1);
        assertThat(empty.lines()).containsExactly("FAIL: no checks ran");
    }

    @Test
    void turnsAClassMissingFromTheRuntimeIntoAFailureThatNamesIt() {
        SelfTestReport report = new SelfTestReport();

        SelfTestReport.Check check = report.attempt("libraries", () -> {
            throw new NoClassDefFoundError("com/sun/net/httpserver/HttpServer");
        });

        assertThat(check.passed()).isFalse();
        assertThat(check.detail())
                .isEqualTo("NoClassDefFoundError: com/sun/net/httpserver/HttpServer");
    }

    @Test
    void keepsRunningTheChecksAfterOneFails() {
        SelfTestReport report = new SelfTestReport();

        report.attempt("javafx natives", () -> {
            throw new UnsatisfiedLinkError("no glassgtk3 in java.library.path");
        });
        report.attempt("tls", () -> "TLSv1.3");

        assertThat(report.checks()).extracting(SelfTestReport.Check::passed)
                .containsExactly(false, true);
    }

    @Test
    void printsOneAlignedLinePerCheckThenASummary() {
        SelfTestReport report = new SelfTestReport();
        report.attempt("tls", () -> "TLSv1.3");
        report.attempt("mp3 playback", () -> {
            throw new IllegalStateException("MEDIA_UNSUPPORTED\n  no libavformat");
        });

        assertThat(report.lines()).containsExactly(
                "PASS  tls           TLSv1.3",
                "FAIL  mp3 playback  IllegalStateException: MEDIA_UNSUPPORTED; no libavformat",
                "1 of 2 checks failed.");
    }

    @Test
    void addsTheCauseWhenItSaysMoreThanTheFailure() {
        Exception failure = new java.io.IOException("relay did not start",
                new java.net.BindException("Address already in use"));

        assertThat(SelfTestReport.reason(failure)).isEqualTo("IOException: relay did not"
                + " start (caused by BindException: Address already in use)");
    }
}
