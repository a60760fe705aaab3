package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    private static final String SID = "19e436af-5688-4307-b03b-bdb2b42b8142";
    private static final String ACCOUNT = "720796a0-8ee9-4350-83bd-2d07a3121f1e";

    @Test
    void restoresThePackedJsonByteForByte() {
        byte[] json = ("{\"sid\":\"" + SID + "\",\"account_sid\":\"" + ACCOUNT
                + "\",\"uri\":\"/Accounts/" + ACCOUNT + "/Recordings/" + SID
                + ".json\",\"note\":\"caf\u00e9 \\u0001\"}").getBytes(StandardCharsets.UTF_8);

        byte[] packed = CompactJson.pack(json, SID, ACCOUNT, null, "/Accounts/");

        assertThat(packed.length).isLessThan(json.length - 4 * SID.length());
        assertThat(CompactJson.unpack(packed, SID, ACCOUNT, null, "/Accounts/"))
                .isEqualTo(json);
    }

    @Test
    void refusesInputThatAlreadyHoldsAMarkerByte() {
        byte[] json = ("{\"sid\":\"" + SID + "\u0002\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(CompactJson.canPack(json)).isFalse();
        assertThat(CompactJson.canPack("{\"a\":\"\\u0002\"}".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }
}
