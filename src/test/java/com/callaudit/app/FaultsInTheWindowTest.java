package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan.Body;
import com.callaudit.demo.FaultPlan.NextLink;
import com.callaudit.demo.FaultPlan.Route;
import com.callaudit.demo.TokenTraces;
import com.callaudit.ui.recordings.RecordingsModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.prefs.Preferences;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a user sees when the space misbehaves: readable rows stay, the bad one is
 * counted in the notice, errors read in plain words, a slow space never freezes the
 * window, and nothing of the token is kept.
 */
class FaultsInTheWindowTest {

    private static final int SYNTHETIC = 250;
    /** How long the FX thread may take to run a trivial task while a request waits. */
    private static final Duration RESPONSIVE = Duration.ofSeconds(1);

    private static DemoSpace demo;
    private final AppDriver driver = new AppDriver();

    @BeforeAll
    static void startTheDemoSpace() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(SYNTHETIC));
    }

    @AfterAll
    static void stopTheDemoSpace() {
        demo.close();
    }

    @BeforeEach
    void startTheApp() throws Exception {
        driver.start(new LaunchOptions(false, 0, false));
    }

    @AfterEach
    void stopTheApp() throws Exception {
        driver.stop();
        demo.faults().clear();
    }

    @Test
    void anUnreadableRecordIsFlaggedAndTheRestOfThePageShown() {
        demo.faults().corruptRecord(2);

        signIn();

        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE - 1);
        assertThat(driver.table().getItems()).hasSize(RecordingsModel.BROWSE_PAGE_SIZE - 1)
                .noneMatch(row -> row.sid().equals(demo.recordingSids().get(2)));
        assertThat(driver.text("#listNotice")).contains("1 record of the list could "
                + "not be read and is not shown");
        assertThat(driver.text("#statusCount")).endsWith("loaded, more available");
    }

    @Test
    void aProxyErrorPageIsExplainedAndARefreshRecovers() {
        signIn();
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
        demo.faults().status(502, Body.HTML, Route.LIST, 1);

        driver.type(KeyCode.F5);

        driver.await(() -> !driver.text("#statusError").isEmpty());
        assertThat(driver.text("#statusError")).contains("HTTP 502",
                "web page instead of data", "proxy");
        driver.type(KeyCode.F5);
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
        driver.await(() -> driver.text("#statusError").isEmpty());
    }

    @Test
    void aSlowSpaceNeverFreezesTheWindow() {
        signIn();
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
        demo.faults().delay(Duration.ofSeconds(3), Route.LIST);

        driver.type(KeyCode.F5);

        driver.await(() -> driver.text("#statusCount").equals("Loading recordings…"));
        for (int sample = 0; sample < 5; sample++) {
            assertThat(WaitForAsyncUtils.asyncFx(() -> true)).succeedsWithin(RESPONSIVE);
        }
        assertThat(driver.text("#statusCount")).isEqualTo("Loading recordings…");
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
    }

    @Test
    void aNextLinkToAnotherHostEndsTheListAndSaysItMayBeIncomplete() {
        demo.faults().nextPageUri(NextLink.OTHER_HOST);

        signIn();

        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
        driver.await(() -> driver.text("#listNotice").contains("another host"));
        assertThat(driver.text("#statusCount")).endsWith("list may be incomplete");
        assertThat(driver.lookup("#loadAll").query().isDisabled()).isTrue();
    }

    @Test
    void anUnavailableSpaceAtSignInIsExplainedAfterRetries() {
        demo.faults().status(503, Body.JSON);

        signIn();

        driver.await(() -> !driver.text("#signInError").isEmpty());
        assertThat(driver.text("#signInError")).contains("HTTP 503", "Try again");
        assertThat(driver.app().mainWindow()).isNull();
    }

    @Test
    void theTokenIsKeptInNoPreference() throws Exception {
        signIn();
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
        driver.interact(() -> driver.table().getSelectionModel().select(1));

        driver.stop();

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        Preferences.userRoot().node(System.getProperty("callaudit.prefs.node",
                "callaudit")).exportSubtree(saved);
        String preferences = saved.toString(StandardCharsets.UTF_8);
        assertThat(preferences).as("the app's own preferences").contains("window.width");
        TokenTraces.assertNoneIn(preferences);
    }

    private void signIn() {
        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());
    }
}
