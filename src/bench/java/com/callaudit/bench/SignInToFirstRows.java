package com.callaudit.bench;

import com.callaudit.app.CallAuditApp;
import com.callaudit.app.LaunchOptions;
import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.RequestLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * Figure 2: from "Sign in" to the first table rows laid out and handed to the renderer,
 * in the real window (headless Monocle), on a demo space of 100,000 recordings. The
 * floor is the space's own time for the same requests, replayed from its request log
 * with the JDK's plain HTTP client.
 */
final class SignInToFirstRows {

    private static final int RECORDINGS = 100_000;
    private static final int RUNS = 7;

    private Stage stage;

    List<ResultRow> measure() throws Exception {
        FxThread.start();
        stage = FxToolkit.registerPrimaryStage();
        Samples app = new Samples("ms");
        Samples server = new Samples("ms");
        List<String> requests = List.of();
        try (DemoSpace demo = DemoSpace.start(
                new DemoSpace.Config().syntheticRecordings(RECORDINGS))) {
            for (int run = 0; run < RUNS; run++) {
                demo.requests().clear();
                app.add(signInOnce(demo));
                requests = demo.requests().entries().stream()
                        .map(RequestLog.Entry::pathAndQuery).toList();
            }
            HttpClient plain = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).build();
            replay(plain, demo, requests);
            for (int run = 0; run < RUNS; run++) {
                server.add(replay(plain, demo, requests));
            }
        }
        double cold = app.values().get(0);
        return List.of(ResultRow.median("2 sign-in → first rows painted", app, server,
                Target.floorPlus(100, "ms"),
                "in-process (Monocle): `Sign in` fired " + SignInForm.READING_MILLIS
                        + " ms after the form's first frame (a user reading it) → first "
                        + "post-layout pulse "
                        + "with a filled table row; app restarted per run, first run (cold "
                        + "JVM) " + Samples.number(cold) + " ms; floor: the same "
                        + requests.size() + " requests (" + String.join(", ",
                                requests.stream().map(SignInToFirstRows::query).toList())
                        + ") timed with java.net.http"));
    }

    private double signInOnce(DemoSpace demo) throws Exception {
        CallAuditApp app = (CallAuditApp) FxToolkit.setupApplication(
                () -> new CallAuditApp(new LaunchOptions(false, 0, false)));
        CompletableFuture<Long> painted = new CompletableFuture<>();
        ChangeListener<Scene> sceneChange = (obs, was, main) -> {
            if (main != null) {
                watchForRows(main, painted);
            }
        };
        try {
            FxThread.run(() -> stage.sceneProperty().addListener(sceneChange));
            long started = SignInForm.signIn(stage, demo.origin().toString(),
                    demo.projectId(), demo.token());
            return (painted.get(30, TimeUnit.SECONDS) - started) / 1e6;
        } finally {
            FxThread.run(() -> stage.sceneProperty().removeListener(sceneChange));
            FxToolkit.cleanupApplication(app);
        }
    }

    // Completes once a laid-out pulse shows a table row holding a recording; the
    // runLater lets that pulse finish (and its frame go to the renderer) first.
    private static void watchForRows(Scene scene, CompletableFuture<Long> painted) {
        scene.addPostLayoutPulseListener(() -> {
            if (!painted.isDone() && hasFilledRow(scene)) {
                Platform.runLater(() -> painted.complete(System.nanoTime()));
            }
        });
    }

    private static boolean hasFilledRow(Scene scene) {
        Node table = scene.lookup("#recordingsTable");
        if (table == null) {
            return false;
        }
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && !row.isEmpty() && row.getItem() != null
                    && row.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private static double replay(HttpClient plain, DemoSpace demo, List<String> requests)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (demo.projectId() + ":" + demo.token()).getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        for (String pathAndQuery : requests) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(demo.origin() + pathAndQuery))
                    .header("Authorization", "Basic " + basic)
                    .header("Accept", "application/json")
                    .build();
            HttpResponse<byte[]> response = plain.send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("replay got " + response.statusCode());
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static String query(String pathAndQuery) {
        int at = pathAndQuery.indexOf('?');
        return at < 0 ? pathAndQuery : pathAndQuery.substring(at + 1);
    }
}
