package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.recordings.RecordingsModel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Load all" on a slow space, stopped half-way. */
class StopLoadingTest {

    private final AppDriver driver = new AppDriver();
    private DemoSpace slowDemo;

    @BeforeEach
    void signInToASlowSpace() throws Exception {
        slowDemo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(3_000)
                .firstByteDelay(Duration.ofMillis(150)));
        driver.start(new LaunchOptions(false, 0, false));
        driver.signIn(slowDemo.origin().toString(), slowDemo.projectId(), slowDemo.token());
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
    }

    @AfterEach
    void stopTheApp() throws Exception {
        driver.stop();
        slowDemo.close();
    }

    @Test
    void stoppingLoadAllKeepsWhatArrivedAndSaysMoreIsThere() {
        driver.clickOn("#loadAll");
        driver.await(() -> driver.table().getItems().size()
                > RecordingsModel.BROWSE_PAGE_SIZE);

        driver.clickOn("#cancelLoading");

        int kept = driver.table().getItems().size();
        assertThat(kept).isLessThan(slowDemo.recordingCount());
        assertThat(driver.text("#statusCount")).endsWith("loaded, more available");
        assertThat(driver.lookup("#loadAll").query().isDisabled()).isFalse();
        driver.assertFxThreadFree();
        assertThat(driver.table().getItems()).hasSize(kept);
    }
}
