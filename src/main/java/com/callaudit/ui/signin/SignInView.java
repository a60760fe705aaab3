package com.callaudit.ui.signin;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The sign-in form: space, project ID, API token, and the way into the demo space.
 *
 * <p>It is the first thing CallAudit paints, so what the first frame does not show is
 * made later: the spinner and the error's icon when first needed, the token button's
 * tooltip by {@link #finish()}.
 */
public final class SignInView {

    private final SignInModel model;
    private ToggleButton showToken;

    public SignInView(SignInModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label title = new Label("Sign in to your SignalWire space");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Find the project ID and an API token with the Voice scope "
                + "under API in your space's dashboard.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        VBox root = new VBox(14, title, hint, createFields(), createError(),
                createButtons());
        root.setId("sign-in");
        root.setPadding(new Insets(24));
        root.setPrefWidth(460);
        return root;
    }

    /**
     * Adds what the form's first frame can do without: the token button's tooltip. Call
     * on the FX thread once the form has been painted.
     */
    public void finish() {
        if (showToken.getTooltip() == null) {
            showToken.setTooltip(new Tooltip("Show or hide the token"));
        }
    }

    private GridPane createFields() {
        TextField space = new TextField();
        space.setId("space");
        space.setPromptText("example.signalwire.com");
        space.textProperty().bindBidirectional(model.spaceProperty());

        TextField projectId = new TextField();
        projectId.setId("projectId");
        projectId.setPromptText("Project ID (a UUID)");
        projectId.textProperty().bindBidirectional(model.projectIdProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Space"), space);
        grid.addRow(1, new Label("Project ID"), projectId);
        grid.addRow(2, new Label("API token"), createTokenField());
        GridPane.setHgrow(space, Priority.ALWAYS);
        GridPane.setHgrow(projectId, Priority.ALWAYS);
        grid.disableProperty().bind(model.busyProperty());
        return grid;
    }

    private HBox createTokenField() {
        PasswordField masked = new PasswordField();
        masked.setId("token");
        masked.setPromptText("API token");
        masked.textProperty().bindBidirectional(model.tokenProperty());

        TextField plain = new TextField();
        plain.setId("tokenShown");
        plain.textProperty().bindBidirectional(model.tokenProperty());

        ToggleButton show = new ToggleButton(null, new FontIcon(Material2MZ.VISIBILITY));
        show.setId("showToken");
        show.setFocusTraversable(false);
        showToken = show;
        plain.visibleProperty().bind(show.selectedProperty());
        masked.visibleProperty().bind(show.selectedProperty().not());
        show.selectedProperty().addListener((obs, was, shown) -> show.setGraphic(
                new FontIcon(shown ? Material2MZ.VISIBILITY_OFF : Material2MZ.VISIBILITY)));

        StackPane field = new StackPane(plain, masked);
        HBox row = new HBox(6, field, show);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private Label createError() {
        Label error = new Label();
        error.setId("signInError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMinHeight(Region.USE_PREF_SIZE);
        // The window grows to show the whole message rather than cutting it short.
        error.textProperty().addListener((obs, was, text) -> {
            if (error.getGraphic() == null) {
                error.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
            }
            // After the next layout pass, when the wrapped message knows its height.
            javafx.application.Platform.runLater(() -> {
                if (error.getScene() != null && error.getScene().getWindow() != null) {
                    error.getScene().getWindow().sizeToScene();
                }
            });
        });
        return error;
    }

    private HBox createButtons() {
        Button demo = new Button("Use the demo space");
        demo.setId("useDemo");
        demo.getStyleClass().add(Styles.FLAT);
        demo.setOnAction(event -> model.useDemoSpace());

        Label activity = new Label();
        activity.getStyleClass().add(Styles.TEXT_MUTED);
        activity.textProperty().bind(model.activityProperty());
        HBox progress = new HBox(6, activity);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty());
        model.busyProperty().addListener((obs, was, busy) -> {
            if (busy && !(progress.getChildren().get(0) instanceof ProgressIndicator)) {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setPrefSize(18, 18);
                progress.getChildren().add(0, spinner);
            }
        });

        Button signIn = new Button("Sign in", new FontIcon(Material2AL.LOGIN));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setOnAction(event -> model.signIn());

        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, demo, progress, spacer, signIn);
        buttons.setAlignment(Pos.CENTER_LEFT);
        demo.disableProperty().bind(model.busyProperty());
        signIn.disableProperty().bind(model.busyProperty());
        return buttons;
    }
}
