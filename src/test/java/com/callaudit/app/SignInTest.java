package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan;
import com.callaudit.demo.RequestLog;
import com.callaudit.ui.recordings.RecordingsModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest {

    private final AppDriver driver = new AppDriver();
    private DemoSpace demo;

    @BeforeEach
    void startTheApp() throws Exception {
        demo = DemoSpace.start();
        driver.start(new LaunchOptions(false, 0, false));
    }

    @AfterEach
    void stopTheApp() throws Exception {
        driver.stop();
        demo.close();
    }

    @Test
    void theDemoSpaceButtonSignsInAndShowsRecordings() {
        driver.clickOn("#useDemo");

        driver.awaitRows(14);
        assertThat(driver.stage().getTitle()).startsWith("CallAudit").contains("127.0.0.1");
        assertThat(driver.text("#statusCount")).isEqualTo("all 14 loaded");
        driver.await(() -> driver.table().isFocused());
    }

    @Test
    void aWrongTokenIsRefusedInPlainWordsAndTheFieldsKeepWhatWasTyped() {
        driver.signIn(demo.origin().toString(), demo.projectId(), "PTwrong");

        driver.await(() -> !driver.text("#signInError").isEmpty());
        assertThat(driver.text("#signInError")).contains("refused the project ID and API "
                + "token", "Voice scope");
        assertThat(driver.text("#space")).isEqualTo(demo.origin().toString());
        assertThat(driver.text("#projectId")).isEqualTo(demo.projectId());
        assertThat(driver.text("#token")).isEqualTo("PTwrong");
        assertThat(driver.app().mainWindow()).isNull();
    }

    @Test
    void plainHttpToAHostOnTheNetworkIsRefusedBeforeAnythingIsSent() {
        driver.signIn("http://example.signalwire.com", demo.projectId(), demo.token());

        driver.await(() -> !driver.text("#signInError").isEmpty());
        assertThat(driver.text("#signInError")).contains("only over https");
    }

    @Test
    void anUnreachableSpaceSaysSo() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        driver.signIn("http://127.0.0.1:" + closedPort, demo.projectId(), demo.token());

        driver.await(() -> !driver.text("#signInError").isEmpty());
        assertThat(driver.text("#signInError")).contains("Cannot connect");
    }

    @Test
    void theTokenIsMaskedUntilShown() {
        driver.typeInto("#token", "PTsecret");

        Node plain = driver.lookup("#tokenShown").query();
        assertThat(plain.isVisible()).isFalse();
        driver.clickOn("#showToken");

        assertThat(plain.isVisible()).isTrue();
        assertThat(driver.text("#tokenShown")).isEqualTo("PTsecret");
    }

    @Test
    void signingInRemembersTheProjectButNeverTheToken() throws Exception {
        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());

        driver.awaitRows(14);
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node(System.getProperty("callaudit.prefs.node"));
        for (String key : node.keys()) {
            assertThat(node.get(key, "")).doesNotContain(demo.token());
        }
    }

    @Test
    void whatTheFirstFrameLeavesOutIsAddedOnceTheFormIsPainted() {
        driver.await(() -> driver.stage().getIcons().size() == 3);

        ToggleButton show = driver.lookup("#showToken").query();
        driver.await(() -> show.getTooltip() != null);
        assertThat(show.getTooltip().getText()).isEqualTo("Show or hide the token");
    }

    @Test
    void theSpinnerShowsWhileTheDemoSpaceStarts() {
        Parent form = driver.stage().getScene().getRoot();
        assertThat(form.lookup(".progress-indicator")).isNull();

        driver.clickOn("#useDemo");

        driver.awaitRows(14);
        assertThat(form.lookup(".progress-indicator")).isNotNull();
    }

    @Test
    void anErrorCarriesItsIcon() {
        driver.signIn(demo.origin().toString(), demo.projectId(), "PTwrong");

        driver.await(() -> !driver.text("#signInError").isEmpty());
        Label error = driver.lookup("#signInError").query();
        assertThat(error.getGraphic()).isNotNull();
        assertThat(error.isVisible()).isTrue();
    }

    @Test
    void theFirstPageIsAskedForOnceAlongsideTheCheckAndShownWithTheWindow() {
        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());

        driver.awaitRows(14);
        driver.await(() -> driver.text("#statusCount").equals("all 14 loaded"));
        List<String> lists = demo.requests().entries().stream()
                .filter(entry -> entry.path().endsWith("/Recordings"))
                .map(RequestLog.Entry::pathAndQuery)
                .toList();
        assertThat(lists).hasSize(2);
        assertThat(lists).filteredOn(request -> request.contains("PageSize=1&")
                || request.endsWith("PageSize=1")).hasSize(1);
        assertThat(lists).filteredOn(request -> request.contains("PageSize="
                + RecordingsModel.BROWSE_PAGE_SIZE)).hasSize(1);
    }

    @Test
    void aRefusedSignInShowsNoMainWindowAndTheNextOneOpensTheWindowBuiltAhead() {
        driver.signIn(demo.origin().toString(), demo.projectId(), "PTwrong");
        driver.await(() -> !driver.text("#signInError").isEmpty());
        assertThat(driver.app().mainWindow()).isNull();
        driver.await(() -> driver.app().preparedWindow() != null
                && driver.app().preparedWindow().preparedAhead());
        MainWindow ahead = driver.app().preparedWindow();

        driver.typeInto("#token", demo.token());
        driver.clickOn("#signIn");

        driver.awaitRows(14);
        assertThat(driver.text("#statusCount")).isEqualTo("all 14 loaded");
        assertThat(driver.app().mainWindow()).isSameAs(ahead);
        assertThat(driver.app().mainWindow().recordings().rows()).hasSize(14);
    }

    @Test
    void theFirstPageIsOnItsWayWhileTheCheckWaitsForItsAnswer() {
        Duration answer = Duration.ofSeconds(3);
        demo.faults().delay(answer, FaultPlan.Route.LIST);
        driver.typeInto("#space", demo.origin().toString());
        driver.typeInto("#projectId", demo.projectId());
        driver.typeInto("#token", demo.token());
        long started = System.nanoTime();

        driver.clickOn("#signIn");

        driver.awaitRows(14);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // One after the other, the two list requests would take two answers' time.
        assertThat(took).isLessThan(answer.multipliedBy(2).minusMillis(500));
    }
}
