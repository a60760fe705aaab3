package com.callaudit.launcher;

import com.callaudit.api.Credentials;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.slf4j.LoggerFactory;

/**
 * The self-test's checks that need no JavaFX toolkit: is everything the app loads at
 * run time present in this runtime? Each method returns what it found or throws.
 */
final class RuntimeChecks {

    /** The JDK modules jlink must keep; a class-path app cannot declare them. */
    static final List<String> JDK_MODULES = List.of("java.base", "java.desktop",
            "java.logging", "java.naming", "java.prefs", "java.xml", "jdk.crypto.ec",
            "jdk.httpserver", "jdk.unsupported");

    /** JavaFX modules, each with a class that proves it when JavaFX is on the class path. */
    private static final List<String[]> JAVAFX_MODULES = List.of(
            new String[] {"javafx.base", "javafx.beans.property.Property"},
            new String[] {"javafx.graphics", "javafx.application.Platform"},
            new String[] {"javafx.controls", "javafx.scene.control.Control"},
            new String[] {"javafx.media", "javafx.scene.media.MediaPlayer"});

    /** Libraries on the class path, each named by one class it must hold. */
    private static final List<String> LIBRARY_CLASSES = List.of(
            "com.fasterxml.jackson.databind.ObjectMapper",
            "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
            "ch.qos.logback.classic.LoggerContext",
            "atlantafx.base.theme.PrimerLight",
            "org.kordamp.ikonli.javafx.FontIcon",
            "org.kordamp.ikonli.material2.Material2AL",
            "com.callaudit.media.PlayabilityProbe");

    private static final String DEMO_WAV = "/demo/recordings/wrong-number.wav";

    private RuntimeChecks() {
    }

    /** Every module the app needs is in the boot layer (or, for JavaFX, on the path). */
    static String modules() throws ClassNotFoundException {
        ModuleLayer boot = ModuleLayer.boot();
        List<String> missing = new ArrayList<>();
        for (String name : JDK_MODULES) {
            if (boot.findModule(name).isEmpty()) {
                missing.add(name);
            }
        }
        boolean javafxOnClassPath = false;
        for (String[] module : JAVAFX_MODULES) {
            if (boot.findModule(module[0]).isEmpty()) {
                loadWithoutInit(module[1]);
                javafxOnClassPath = true;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("runtime lacks " + String.join(", ", missing));
        }
        return JDK_MODULES.size() + " JDK modules, JavaFX base/graphics/controls/media"
                + (javafxOnClassPath ? " (from the class path)" : " (as modules)");
    }

    /** The third-party and app classes load, Jackson parses, SLF4J reaches logback. */
    static String libraries() throws Exception {
        for (String name : LIBRARY_CLASSES) {
            loadWithoutInit(name);
        }
        JsonNode parsed = new ObjectMapper().readTree("{\"page\": 0, \"ok\": true}");
        if (!parsed.path("ok").asBoolean()) {
            throw new IllegalStateException("Jackson misread a JSON document");
        }
        String loggers = LoggerFactory.getILoggerFactory().getClass().getName();
        if (!loggers.startsWith("ch.qos.logback")) {
            throw new IllegalStateException("SLF4J is bound to " + loggers + ", not logback");
        }
        return LIBRARY_CLASSES.size() + " classes load; Jackson parses; SLF4J logs via"
                + " logback";
    }

    /**
     * JavaFX finds its native libraries inside the runtime. When they are missing there it
     * still works, by unpacking copies into {@code ~/.openjfx/cache} at first start, which
     * the installed packages are built to avoid.
     */
    static String javafxNatives() {
        Optional<URI> location = ModuleLayer.boot().findModule("javafx.graphics")
                .flatMap(m -> m.getLayer().configuration()
                        .findModule(m.getName()))
                .flatMap(m -> m.reference().location());
        if (location.isEmpty() || !"jrt".equals(location.get().getScheme())) {
            return "JavaFX runs from its jars (development run): natives come from them";
        }
        Path home = Path.of(System.getProperty("java.home"));
        Path folder = isWindows() ? home.resolve("bin") : home.resolve("lib");
        List<String> missing = new ArrayList<>();
        for (String library : expectedNatives()) {
            if (!Files.isRegularFile(folder.resolve(System.mapLibraryName(library)))) {
                missing.add(System.mapLibraryName(library));
            }
        }
        if (isLinux() && !hasFfmpegPlugin(folder)) {
            missing.add("libavplugin-*.so");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not in " + folder + ": "
                    + String.join(", ", missing));
        }
        return "in " + folder;
    }

    /** TLS 1.3 with ECDHE, and a trust store with CA certificates to check a space by. */
    static String tls() throws Exception {
        SSLContext context = SSLContext.getDefault();
        List<String> protocols =
                Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        if (!protocols.contains("TLSv1.3")) {
            throw new IllegalStateException("TLSv1.3 unsupported; have " + protocols);
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ec.generateKeyPair().getPrivate());

        TrustManagerFactory trust =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        int authorities = 0;
        for (TrustManager manager : trust.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                authorities += x509.getAcceptedIssuers().length;
            }
        }
        if (authorities == 0) {
            throw new IllegalStateException("the trust store holds no CA certificates: "
                    + "no SignalWire space would be trusted");
        }
        return "TLSv1.3, ECDHE on secp256r1, " + authorities + " trusted CA certificates";
    }

    /**
     * The demo space serves over the JDK's HTTP server, and the app's own client signs in
     * and lists recordings from it, all on 127.0.0.1.
     */
    static String demoSpace() throws Exception {
        try (DemoSpace space = DemoSpace.start();
                RecordingsClient client = new RecordingsClient(
                        SpaceAddress.loopback(space.port()),
                        new Credentials(space.projectId(), space.token()))) {
            client.checkSignIn();
            int listed = client.list(RecordingQuery.all()).recordings().size();
            if (listed == 0) {
                throw new IllegalStateException("the demo space listed no recordings");
            }
            return "signed in on 127.0.0.1:" + space.port() + ", listed " + listed
                    + " recordings";
        }
    }

    /** Java Sound decodes a bundled μ-law call to 16-bit PCM, as the demo space does. */
    static String javaSound() throws Exception {
        try (InputStream resource = RuntimeChecks.class.getResourceAsStream(DEMO_WAV)) {
            if (resource == null) {
                throw new IOException(DEMO_WAV + " is not on the class path");
            }
            try (AudioInputStream stored =
                    AudioSystem.getAudioInputStream(new BufferedInputStream(resource))) {
                AudioFormat source = stored.getFormat();
                AudioFormat pcm = new AudioFormat(source.getSampleRate(), 16,
                        source.getChannels(), true, false);
                try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, stored)) {
                    long bytes = decoded.readAllBytes().length;
                    return "decoded " + source.getEncoding() + " WAV to " + bytes
                            + " bytes of 16-bit PCM";
                }
            }
        }
    }

    private static List<String> expectedNatives() {
        List<String> names = new ArrayList<>(List.of("glass", "prism_sw", "javafx_font",
                "jfxmedia"));
        if (isLinux()) {
            names.addAll(List.of("glassgtk3", "prism_es2", "gstreamer-lite"));
        }
        return names;
    }

    private static boolean hasFfmpegPlugin(Path folder) {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("libavplugin"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void loadWithoutInit(String name) throws ClassNotFoundException {
        Class.forName(name, false, RuntimeChecks.class.getClassLoader());
    }

    static boolean isLinux() {
        return osName().startsWith("linux");
    }

    private static boolean isWindows() {
        return osName().startsWith("windows");
    }

    private static String osName() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }
}
