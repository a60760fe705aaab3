package com.callaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SyntheticRecordingsTest {

    @Test
    void aCallIsChargedAQuarterCentPerStartedMinuteWithFourDecimals() {
        assertThat(SyntheticRecordings.price(0)).isEqualTo("-0.0025");
        assertThat(SyntheticRecordings.price(60)).isEqualTo("-0.0025");
        assertThat(SyntheticRecordings.price(61)).isEqualTo("-0.0050");
        assertThat(SyntheticRecordings.price(3600)).isEqualTo("-0.1500");
        assertThat(SyntheticRecordings.price(400 * 60)).isEqualTo("-1.0000");
        assertThat(SyntheticRecordings.price(401 * 60)).isEqualTo("-1.0025");
    }

    @Test
    void everyPriceReadsAsTheExactCharge() {
        for (int minutes = 1; minutes <= 5000; minutes++) {
            BigDecimal expected = new BigDecimal("-0.0025").multiply(BigDecimal.valueOf(minutes));
            assertThat(SyntheticRecordings.price(minutes * 60))
                    .isEqualTo(expected.toPlainString());
        }
    }
}
