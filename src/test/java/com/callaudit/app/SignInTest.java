package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.demo.DemoSpace;
import java.io.IOException;
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
}
