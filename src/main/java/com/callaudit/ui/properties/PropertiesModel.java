package com.callaudit.ui.properties;

import com.callaudit.api.Cancellation;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SignalWireException;
import com.callaudit.api.Transcription;
import com.callaudit.app.BackgroundWork;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * The property pane's state: the selected recording's {@code .json}, fetched a moment
 * after the selection settles, shown key by key, raw, and with its transcription.
 *
 * <p>Arrow keys run through the list quickly, so a fetch starts only once the selection
 * has stayed put for a short while, and a new selection cancels the fetch under way.
 * Touch it from the FX thread only.
 */
public final class PropertiesModel {

    /** What the pane shows. */
    public enum PaneState { NOTHING_SELECTED, LOADING, LOADED, FAILED }

    private static final Duration SETTLE = Duration.millis(150);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadOnlyObjectWrapper<PaneState> state =
            new ReadOnlyObjectWrapper<>(PaneState.NOTHING_SELECTED);
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PropertyEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<PropertyEntry> readOnlyEntries =
            FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper transcription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final PauseTransition settle = new PauseTransition(SETTLE);

    private final BackgroundWork work;
    private RecordingsClient client;
    private Recording selected;
    private Cancellation inFlight = new Cancellation();

    /** A pane that fetches nothing until {@link #connect} names its space. */
    public PropertiesModel(BackgroundWork work) {
        this.work = work;
        settle.setOnFinished(event -> fetchSelected());
    }

    /** Fetches metadata from this space; call once, before anything is selected. */
    public void connect(RecordingsClient space) {
        if (client != null) {
            throw new IllegalStateException("already reads " + client.space());
        }
        client = space;
    }

    // The space's client; sign-in connects it before anything is asked of the space.
    private RecordingsClient client() {
        if (client == null) {
            throw new IllegalStateException("not connected to a space yet");
        }
        return client;
    }

    public ReadOnlyObjectProperty<PaneState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The recording whose metadata is shown, as fetched; null until it arrives. */
    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Every key of the recording's JSON, in the server's order. */
    public ObservableList<PropertyEntry> entries() {
        return readOnlyEntries;
    }

    /** The JSON, pretty-printed, keys in the server's order. */
    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    /** What the transcription says; empty when the recording has none. */
    public ReadOnlyStringProperty transcriptionProperty() {
        return transcription.getReadOnlyProperty();
    }

    /** Why the last fetch failed, in plain words. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows this recording once the selection settles; null clears the pane. */
    public void select(Recording row) {
        selected = row;
        inFlight.cancel();
        settle.stop();
        if (row == null) {
            clear();
            state.set(PaneState.NOTHING_SELECTED);
            return;
        }
        state.set(PaneState.LOADING);
        settle.playFromStart();
    }

    /** Fetches the selected recording again, after a failure. */
    public void retry() {
        if (selected != null) {
            settle.stop();
            fetchSelected();
        }
    }

    private void fetchSelected() {
        inFlight.cancel();
        inFlight = new Cancellation();
        state.set(PaneState.LOADING);
        error.set("");
        work.start(new FetchMetadata(selected, inFlight));
    }

    private void clear() {
        recording.set(null);
        entries.clear();
        rawJson.set("");
        transcription.set("");
        error.set("");
    }

    private void show(Metadata metadata) {
        recording.set(metadata.recording());
        entries.setAll(metadata.entries());
        rawJson.set(metadata.prettyJson());
        transcription.set(metadata.transcription());
        state.set(PaneState.LOADED);
    }

    /** What a fetch brings back, prepared off the FX thread. */
    private record Metadata(Recording recording, List<PropertyEntry> entries,
            String prettyJson, String transcription) {
    }

    private final class FetchMetadata extends Task<Metadata> {
        private final Recording row;
        private final Cancellation cancellation;

        FetchMetadata(Recording row, Cancellation cancellation) {
            this.row = row;
            this.cancellation = cancellation;
        }

        @Override
        protected Metadata call() throws Exception {
            Recording fetched = client().fetch(row.sid(), cancellation);
            ObjectNode json = fetched.raw();
            return new Metadata(fetched, PropertyEntry.of(json), pretty(json),
                    transcriptionOf(json));
        }

        private String transcriptionOf(ObjectNode json) {
            if (!json.path("subresource_uris").has("transcriptions")) {
                return "";
            }
            try {
                List<Transcription> found = client().transcriptions(row.sid(), cancellation);
                return found.stream().map(t -> t.text().orElse(""))
                        .filter(text -> !text.isBlank())
                        .collect(Collectors.joining("\n\n"));
            } catch (SignalWireException e) {
                // The transcriptions list is not a documented endpoint; without it the
                // metadata is still worth showing.
                return "";
            }
        }

        @Override
        protected void succeeded() {
            if (row == selected) {
                show(getValue());
            }
        }

        @Override
        protected void failed() {
            if (row == selected && !cancellation.isCancelled()) {
                clear();
                error.set(getException().getMessage());
                state.set(PaneState.FAILED);
            }
        }
    }

    private static String pretty(ObjectNode json) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }
}
