package com.callaudit.app;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What CallAudit remembers between runs: the last space and project ID, the window's
 * size and layout, the preferred audio format. Never the API token.
 *
 * <p>Backed by {@link Preferences}; the node name can be changed with the system
 * property {@code callaudit.prefs.node} so tests never touch a user's settings. Reading
 * and writing touch the disk: call {@link #load()} and {@link #flush()} off the FX thread.
 */
public final class AppSettings {

    private static final Logger LOG = LoggerFactory.getLogger(AppSettings.class);
    private static final String SPACE = "space";
    private static final String PROJECT_ID = "projectId";

    private final Preferences node;

    private AppSettings(Preferences node) {
        this.node = node;
    }

    /** The settings of this user, read from the preferences store. */
    public static AppSettings load() {
        Preferences node = Preferences.userRoot().node(nodeName());
        try {
            node.sync();
        } catch (BackingStoreException e) {
            LOG.warn("Could not read saved settings; starting with defaults: {}",
                    e.getMessage());
        }
        return new AppSettings(node);
    }

    /**
     * Reads this user's settings into memory ahead of {@link #load()}, which then finds
     * them there: the store is an XML file, and its parser alone is some 180 classes.
     * Thread-safe; call it off the FX thread as early as start-up allows.
     */
    public static void preload() {
        Preferences.userRoot().node(nodeName()).get(SPACE, "");
    }

    private static String nodeName() {
        return System.getProperty("callaudit.prefs.node", "callaudit");
    }

    public String space() {
        return node.get(SPACE, "");
    }

    public String projectId() {
        return node.get(PROJECT_ID, "");
    }

    /** Remembers a successful sign-in's space and project, not its token. */
    public void rememberSignIn(String space, String projectId) {
        node.put(SPACE, space);
        node.put(PROJECT_ID, projectId);
    }

    public Optional<Double> number(String key) {
        double value = node.getDouble(key, Double.NaN);
        return Double.isNaN(value) ? Optional.empty() : Optional.of(value);
    }

    public void putNumber(String key, double value) {
        node.putDouble(key, value);
    }

    public String text(String key, String fallback) {
        return node.get(key, fallback);
    }

    public void putText(String key, String value) {
        node.put(key, value);
    }

    /** Writes changes to disk; call off the FX thread. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save settings: {}", e.getMessage());
        }
    }

    /** Forgets everything; for tests. */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            LOG.warn("Could not clear settings: {}", e.getMessage());
        }
    }
}
