package com.callaudit.ui.signin;

import com.callaudit.api.Credentials;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.app.AppSettings;
import com.callaudit.app.BackgroundWork;
import com.callaudit.app.BuiltInDemo;
import com.callaudit.demo.DemoSpace;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * The sign-in form's state and its two commands: sign in, and use the demo space.
 *
 * <p>Signing in checks the credentials with one list request of a single recording
 * before anything else opens. A failure is shown in plain words and the fields keep what
 * was typed. Touch it from the FX thread only; the checks run on background threads.
 */
public final class SignInModel {

    private final StringProperty space = new SimpleStringProperty("");
    private final StringProperty projectId = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");

    private final BackgroundWork work;
    private final AppSettings settings;
    private final BuiltInDemo demo;
    private final Listener listener;

    /** What the app hears of a sign-in: the client while it is checked, then the outcome. */
    public interface Listener {

        /**
         * A client for the typed space exists and its check is about to be sent; the
         * space may still refuse it. Called on the check's background thread, so the app
         * can start what the main window will need at once; FX work goes through
         * {@code Platform.runLater}, which runs before {@link #signedIn} or
         * {@link #refused}. Must not close the client.
         */
        default void checking(RecordingsClient client) {
        }

        /**
         * The space accepted the credentials. Called on the FX thread; the receiver owns
         * and closes the client.
         */
        void signedIn(RecordingsClient client);

        /** The check failed and the client is closed. Called on the FX thread. */
        default void refused(RecordingsClient client) {
        }
    }

    public SignInModel(BackgroundWork work, AppSettings settings, BuiltInDemo demo,
            Listener listener) {
        this.work = work;
        this.settings = settings;
        this.demo = demo;
        this.listener = listener;
        space.set(settings.space());
        projectId.set(settings.projectId());
    }

    public StringProperty spaceProperty() {
        return space;
    }

    public StringProperty projectIdProperty() {
        return projectId;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    /** True while a check or the demo space's start is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong with the last attempt, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What is happening now ("Checking your credentials…"); empty when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Checks the typed space and credentials, then hands over a client. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        SpaceAddress address;
        Credentials credentials;
        try {
            address = SpaceAddress.parse(space.get());
            credentials = new Credentials(projectId.get(), token.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        start("Checking your credentials with " + address.host() + "…",
                new CheckSignIn(address, credentials, !address.isLoopback()));
    }

    /** Starts the built-in demo space, fills the fields with its details, signs in. */
    public void useDemoSpace() {
        if (busy.get()) {
            return;
        }
        Task<DemoSpace> starting = new Task<>() {
            @Override
            protected DemoSpace call() throws Exception {
                return demo.start();
            }

            @Override
            protected void succeeded() {
                DemoSpace started = getValue();
                space.set(started.origin().toString());
                projectId.set(started.projectId());
                token.set(started.token());
                busy.set(false);
                signIn();
            }

            @Override
            protected void failed() {
                finishWithError("The demo space could not start: "
                        + getException().getMessage());
            }
        };
        start("Starting the demo space…", starting);
    }

    private void start(String what, Task<?> task) {
        error.set("");
        activity.set(what);
        busy.set(true);
        work.start(task);
    }

    private void finishWithError(String message) {
        busy.set(false);
        activity.set("");
        error.set(message);
    }

    private final class CheckSignIn extends Task<RecordingsClient> {
        private final SpaceAddress address;
        private final Credentials credentials;
        private final boolean remember;
        private RecordingsClient refusedClient;

        // Loopback spaces (the demo space, a test server) change port every run, so
        // remembering one would only replace the user's real space.
        CheckSignIn(SpaceAddress address, Credentials credentials, boolean remember) {
            this.address = address;
            this.credentials = credentials;
            this.remember = remember;
        }

        @Override
        protected RecordingsClient call() throws Exception {
            RecordingsClient client = new RecordingsClient(address, credentials);
            try {
                listener.checking(client);
                client.checkSignIn();
                if (remember) {
                    settings.rememberSignIn(address.host(), credentials.projectId());
                    settings.flush();
                }
                return client;
            } catch (Exception e) {
                client.close();
                refusedClient = client;
                throw e;
            }
        }

        @Override
        protected void succeeded() {
            busy.set(false);
            activity.set("");
            listener.signedIn(getValue());
        }

        @Override
        protected void failed() {
            finishWithError(getException().getMessage());
            if (refusedClient != null) {
                listener.refused(refusedClient);
            }
        }
    }
}
