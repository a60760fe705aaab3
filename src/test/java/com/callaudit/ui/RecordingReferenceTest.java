package com.callaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.ui.recordings.RecordingReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingReferenceTest {

    private static final String SID = "19e436af-5688-4307-b03b-bdb2b42b8142";

    @ParameterizedTest
    @ValueSource(strings = {SID, "  " + SID + "\n",
        "https://example.signalwire.com/api/laml/2010-04-01/Accounts/p/Recordings/" + SID,
        "https://example.signalwire.com/api/laml/2010-04-01/Accounts/p/Recordings/" + SID
                + ".json",
        "https://example.signalwire.com/api/laml/2010-04-01/Accounts/p/Recordings/" + SID
                + ".mp3?download=1",
        "/api/laml/2010-04-01/Accounts/p/Calls/43bb71ee-553f-4074-bb20-8e2747647cce/"
                + "Recordings/" + SID + ".json",
        "/api/laml/2010-04-01/Accounts/p/Recordings/" + SID + "/Transcriptions.json"})
    void findsTheSidInEveryFormAUserPastes(String pasted) {
        assertThat(RecordingReference.sidIn(pasted)).hasValue(SID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello world", "https://example.signalwire.com/",
        "short"})
    void findsNothingInTextThatIsNoRecording(String pasted) {
        assertThat(RecordingReference.sidIn(pasted)).isEmpty();
    }
}
