package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SignalWireException;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.TokenTraces;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates are verified and credentials never travel in the clear: a loopback
 * https server with a self-signed certificate gets no request through, neither from
 * the client nor from the relay, and plain http to a named host is refused before any
 * connection is made.
 */
class TlsVerificationTest {

    private static final String PASSWORD = "changeit";
    private static final String RECORDINGS = "/api/laml/2010-04-01/Accounts/"
            + DemoSpace.PROJECT_ID + "/Recordings/";
    private static final Credentials CREDENTIALS =
            new Credentials(DemoSpace.PROJECT_ID, DemoSpace.TOKEN);

    @TempDir
    static Path folder;

    private static HttpsServer selfSigned;
    private static final List<String> reached = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startASelfSignedServer() throws Exception {
        Path keystore = folder.resolve("space.p12");
        generateSelfSignedCertificate(keystore);
        selfSigned = HttpsServer.create(new InetSocketAddress(loopback(), 0), 0);
        selfSigned.setHttpsConfigurator(new HttpsConfigurator(sslContext(keystore)));
        selfSigned.createContext("/", exchange -> {
            reached.add(exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        selfSigned.start();
    }

    @AfterAll
    static void stopTheServer() {
        selfSigned.stop(0);
    }

    @Test
    void signingInToASpaceWithAnUntrustedCertificateFailsAndSendsNothing() {
        SpaceAddress space = SpaceAddress.parse("https://localhost:" + port());
        RecordingsClient client = new RecordingsClient(space, CREDENTIALS);

        assertThatThrownBy(client::checkSignIn)
                .isInstanceOfSatisfying(SignalWireException.class, e -> {
                    assertThat(e.getMessage()).contains("secure connection",
                            "certificate is not trusted", "nothing was sent");
                    TokenTraces.assertNoneIn(e.getMessage());
                });

        client.close();
        assertThat(reached).isEmpty();
    }

    @Test
    void theRelayRefusesMediaFromAnUntrustedCertificate() throws Exception {
        SpaceAddress space = SpaceAddress.parse("https://localhost:" + port());
        URI url = space.resolve(RECORDINGS + "00000000-0000-4000-8000-000000000001.wav");

        FetchProgress end;
        try (MediaRelay relay = MediaRelay.start()) {
            end = relay.register(url, MediaFormat.WAV, space, CREDENTIALS).finished()
                    .get(30, TimeUnit.SECONDS);
        }

        assertThat(end.state()).isEqualTo(FetchProgress.State.FAILED);
        assertThat(end.failureReason()).contains("certificate");
        assertThat(reached).isEmpty();
    }

    @Test
    void plainHttpToANamedHostIsRefusedBeforeAnyConnection() throws Exception {
        HttpServer plain = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        plain.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        plain.start();
        // "vm" names this machine in /etc/hosts, yet is no loopback literal, so the
        // app must treat it as a host on the network; were it ever contacted, the
        // traffic would still stay on this machine.
        String named = "http://vm:" + plain.getAddress().getPort();
        try (MediaRelay relay = MediaRelay.start()) {

            assertThatThrownBy(() -> SpaceAddress.parse(named))
                    .hasMessageContaining("only over https");
            assertThatThrownBy(() -> relay.register(URI.create(named + RECORDINGS
                    + "x.wav"), MediaFormat.WAV, SpaceAddress.loopback(1), CREDENTIALS))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            plain.stop(0);
        }

        assertThat(seen).isEmpty();
    }

    @Test
    void noSourceFileTurnsCertificateChecksOff() throws IOException {
        // A trust manager of our own would have to implement checkServerTrusted; merely
        // reading the JDK's trust managers (the self-test counts their authorities) is fine.
        List<String> trustAll = List.of("TrustAllStrategy", "TrustSelfSignedStrategy",
                "NoopHostnameVerifier", "setHostnameVerifier", "checkServerTrusted",
                "ALLOW_ALL", "implements X509TrustManager", "X509ExtendedTrustManager");

        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).toList();

            assertThat(java).hasSizeGreaterThan(50).allSatisfy(source ->
                    assertThat(Files.readString(source)).doesNotContain(trustAll));
        }
    }

    private static int port() {
        return selfSigned.getAddress().getPort();
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }

    private static void generateSelfSignedCertificate(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair",
                "-alias", "space", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("keytool.log").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s");
        }
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("keytool.log")))
                .isZero();
    }

    private static SSLContext sslContext(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(
                KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

}
