package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSpaceAuthTest {

    private static final String UNKNOWN_SID = "00000000-0000-4000-8000-000000000000";

    private static DemoSpace space;
    private static DemoClient client;
    private static String sid;

    @BeforeAll
    static void startSpace() throws Exception {
        space = DemoSpace.start();
        client = new DemoClient(space);
        sid = space.recordingSids().get(1);
    }

    @AfterAll
    static void stopSpace() {
        space.close();
    }

    @Test
    void recordingJsonWithTheVoiceTokenIsServed() {
        HttpResponse<byte[]> response = client.get(metadataPath(sid));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(DemoClient.json(response).path("sid").asText()).isEqualTo(sid);
    }

    @Test
    void recordingJsonWithoutCredentialsIsRefusedWithAChallenge() {
        HttpResponse<byte[]> response = client.getWithoutAuth(metadataPath(sid));

        assertAuthenticationFailed(response);
    }

    @Test
    void tokenWithoutVoiceScopeIsRefusedWith401Not403() {
        String auth = DemoClient.basic(DemoSpace.PROJECT_ID, DemoSpace.TOKEN_WITHOUT_VOICE);

        HttpResponse<byte[]> response = client.send("GET", metadataPath(sid), auth);

        assertAuthenticationFailed(response);
    }

    @Test
    void wrongTokenOrProjectOrSchemeIsRefused() {
        String[] refused = {
            DemoClient.basic(DemoSpace.PROJECT_ID, "PT" + "0".repeat(48)),
            DemoClient.basic(UNKNOWN_SID, DemoSpace.TOKEN),
            "Bearer " + DemoSpace.TOKEN,
            "Basic not-base64!",
        };
        for (String auth : refused) {
            HttpResponse<byte[]> response = client.send("GET", metadataPath(sid), auth);

            assertAuthenticationFailed(response);
        }
    }

    @Test
    void listsNeedCredentialsToo() {
        String[] lists = {
            DemoClient.ACCOUNT + "/Recordings.json",
            DemoClient.ACCOUNT + "/Recordings",
            DemoClient.ACCOUNT + "/Conferences/" + UNKNOWN_SID + "/Recordings",
            DemoClient.ACCOUNT + "/Recordings/" + sid + "/Transcriptions.json",
            DemoClient.ACCOUNT + "/Transcriptions.json",
        };
        for (String list : lists) {
            assertAuthenticationFailed(client.getWithoutAuth(list));
        }
    }

    @Test
    void credentialsForAnotherAccountPathAreRefused() {
        String otherAccount = DemoClient.API + "/Accounts/" + UNKNOWN_SID
                + "/Recordings/" + sid + ".json";

        HttpResponse<byte[]> response = client.get(otherAccount);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownWellFormedSidIs404WithCode20404() {
        HttpResponse<byte[]> response = client.get(metadataPath(UNKNOWN_SID));

        JsonNode body = DemoClient.json(response);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(DemoClient.keys(body))
                .containsExactly("code", "message", "more_info", "status");
        assertThat(body.path("code").asInt()).isEqualTo(20404);
        assertThat(body.path("status").asInt()).isEqualTo(404);
        assertThat(body.path("message").asText()).contains(UNKNOWN_SID);
    }

    @Test
    void sidThatIsNoUuidIs400WithCode10000() {
        HttpResponse<byte[]> response = client.get(metadataPath("RE1234"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DemoClient.json(response).path("code").asInt()).isEqualTo(10000);
    }

    @Test
    void unknownRoutesAreBare404sWithEmptyBodies() {
        String[] routes = {
            "/api/laml/2010-04-01/Accounts/" + DemoSpace.PROJECT_ID + "/Faxes.json",
            "/api/laml/2010-04-01/Nothing",
            "/api/relay/rest/recordings",
            "/",
            DemoClient.ACCOUNT + "/Recordings/" + sid + ".xml",
        };
        for (String route : routes) {
            HttpResponse<byte[]> response = client.get(route);

            assertThat(response.statusCode()).as(route).isEqualTo(404);
            assertThat(response.body()).as(route).isEmpty();
        }
    }

    @Test
    void requestLogKeepsTheAuthorizationHeaderTestsNeedToInspect() {
        space.requests().clear();

        client.get(metadataPath(sid));
        client.getWithoutAuth(DemoClient.ACCOUNT + "/Recordings/" + sid + ".wav");

        assertThat(space.requests().entries()).hasSize(2);
        RequestLog.Entry withAuth = space.requests().entries().get(0);
        RequestLog.Entry media = space.requests().last();
        assertThat(withAuth.header("authorization")).isEqualTo(DemoClient.validAuth());
        assertThat(withAuth.status()).isEqualTo(200);
        assertThat(withAuth.method()).isEqualTo("GET");
        assertThat(media.header("Authorization")).isNull();
        assertThat(media.path()).endsWith(sid + ".wav");
    }

    private static String metadataPath(String recordingSid) {
        return DemoClient.ACCOUNT + "/Recordings/" + recordingSid + ".json";
    }

    static void assertAuthenticationFailed(HttpResponse<byte[]> response) {
        JsonNode body = DemoClient.json(response);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"SignalWire\"");
        assertThat(body.path("code").asInt()).isEqualTo(20003);
        assertThat(body.path("message").asText()).isEqualTo("Authentication failed");
        assertThat(body.path("more_info").asText())
                .isEqualTo("https://signalwire.com/docs/compatibility-api/reference/errors");
        assertThat(body.path("status").asInt()).isEqualTo(401);
    }
}
