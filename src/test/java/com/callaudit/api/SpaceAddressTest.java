package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpaceAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"example", "example.signalwire.com",
        "https://example.signalwire.com/", "  EXAMPLE.signalwire.com  ",
        "https://example.signalwire.com/api/laml/2010-04-01"})
    void everyWayOfTypingASpaceMeansItsHttpsOrigin(String typed) {
        SpaceAddress space = SpaceAddress.parse(typed);

        assertThat(space.origin()).isEqualTo(URI.create("https://example.signalwire.com"));
        assertThat(space.isLoopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:8080/",
        "http://[::1]:8080"})
    void acceptsPlainHttpForLoopbackHosts(String typed) {
        SpaceAddress space = SpaceAddress.parse(typed);

        assertThat(space.origin().getScheme()).isEqualTo("http");
        assertThat(space.isLoopback()).isTrue();
    }

    @Test
    void refusesPlainHttpToAHostOnTheNetwork() {
        assertThatThrownBy(() -> SpaceAddress.parse("http://example.signalwire.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only over https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "exa mple", "ftp://example.signalwire.com",
        "https://user:secret@example.signalwire.com", "ex_ample.signalwire.com"})
    void refusesWhatIsNotASpaceWithAMessage(String typed) {
        assertThatThrownBy(() -> SpaceAddress.parse(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .message().isNotBlank();
    }

    @Test
    void sameOriginComparesSchemeHostAndPort() {
        SpaceAddress space = SpaceAddress.parse("example");

        assertThat(space.isSameOrigin(URI.create("https://example.signalwire.com:443/x")))
                .isTrue();
        assertThat(space.isSameOrigin(URI.create("http://example.signalwire.com/x")))
                .isFalse();
        assertThat(space.isSameOrigin(URI.create("https://evil.example.com/x"))).isFalse();
        assertThat(space.isSameOrigin(URI.create("https://example.signalwire.com:8443/")))
                .isFalse();
    }

    @Test
    void credentialsNeverShowTheToken() {
        Credentials credentials = new Credentials("project", "PTsecret-token");

        assertThat(credentials.toString()).doesNotContain("PTsecret-token")
                .contains("project");
    }
}
