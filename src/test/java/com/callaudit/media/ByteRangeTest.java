package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsAClosedRangeAndClampsItsEnd() {
        assertThat(ByteRange.parse("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 19));
        assertThat(ByteRange.parse("bytes=90-500", 100)).isEqualTo(new ByteRange(90, 99));
    }

    @Test
    void readsOpenAndSuffixRanges() {
        assertThat(ByteRange.parse("bytes=40-", 100)).isEqualTo(new ByteRange(40, 99));
        assertThat(ByteRange.parse("bytes=-30", 100)).isEqualTo(new ByteRange(70, 99));
        assertThat(ByteRange.parse("bytes=-300", 100)).isEqualTo(new ByteRange(0, 99));
    }

    @Test
    void marksRangesPastTheEndUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-0", 100)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @Test
    void servesTheWholeFileForFormsItDoesNotSupport() {
        assertThat(ByteRange.parse(null, 100)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
        assertThat(ByteRange.parse("items=0-1", 100)).isNull();
        assertThat(ByteRange.parse("bytes=9-3", 100)).isNull();
        assertThat(ByteRange.parse("bytes=x-3", 100)).isNull();
    }
}
