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

    @Test
    void packsASliceOfAPageAndRestoresItByteForByte() {
        String call = "43bb71ee-553f-4074-bb20-8e2747647cce";
        String record = "{\"sid\":\"" + SID + "\",\"account_sid\":\"" + ACCOUNT
                + "\",\"call_sid\":\"" + call + "\",\"uri\":\"" + Recording.API_ACCOUNTS
                + ACCOUNT + "/Calls/" + call + "/Recordings/" + SID + ".json\",\"n\":\"x"
                + SID + "\"}";
        byte[] page = ("{\"recordings\":[" + record + "]}").getBytes(StandardCharsets.UTF_8);
        int from = "{\"recordings\":[".length();
        int to = from + record.length();
        CompactJson.Packer packer = new CompactJson.Packer();

        byte[] packed = packer.pack(page, from, to, SID, ACCOUNT, call,
                Recording.API_ACCOUNTS);

        assertThat(packer.packed()).isTrue();
        assertThat(packed.length).as("the 7 values after a quote or a slash, one byte each")
                .isEqualTo(record.length() - 6 * SID.length()
                        - Recording.API_ACCOUNTS.length() + 7);
        assertThat(CompactJson.unpack(packed, SID, ACCOUNT, call, Recording.API_ACCOUNTS))
                .isEqualTo(record.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void copiesASliceThatAlreadyHoldsAMarkerByte() {
        byte[] json = ("{\"sid\":\"" + SID + "\",\"x\":\"\u0003\"}")
                .getBytes(StandardCharsets.UTF_8);
        CompactJson.Packer packer = new CompactJson.Packer();

        byte[] copy = packer.pack(json, 0, json.length, SID, null, null, null);

        assertThat(packer.packed()).isFalse();
        assertThat(copy).isEqualTo(json);
    }
}
