package com.callaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.ui.properties.PropertyEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyEntryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsEveryKeyInOrderAndFormatsValuesForPeople() throws Exception {
        List<PropertyEntry> entries = PropertyEntry.of(JSON.readTree("""
                {"sid":"a1","duration":92,"price":"-0.0025","price_unit":"USD",
                 "channels":"2","date_created":"Tue, 25 Sep 2018 23:00:04 +0000",
                 "error_code":null,"zz_new_key":true}"""));

        assertThat(entries).extracting(PropertyEntry::key).containsExactly("sid",
                "duration", "price", "price_unit", "channels", "date_created",
                "error_code", "zz_new_key");
        assertThat(entries.get(1).shown()).isEqualTo("1:32 (92 s)");
        assertThat(entries.get(2).shown()).isEqualTo("-0.0025 USD");
        assertThat(entries.get(4).shown()).isEqualTo("2 (dual)");
        assertThat(entries.get(5).shown()).contains("2018", "(Tue, 25 Sep 2018 23:00:04 +0000)");
        assertThat(entries.get(6).shown()).isEqualTo("null");
        assertThat(entries.get(7).raw()).isEqualTo("true");
    }

    @Test
    void expandsNestedObjectsAndArrays() throws Exception {
        List<PropertyEntry> entries = PropertyEntry.of(JSON.readTree("""
                {"subresource_uris":{"transcriptions":"/t.json"},"tags":["a","b"]}"""));

        assertThat(entries.get(0).children()).extracting(PropertyEntry::key)
                .containsExactly("transcriptions");
        assertThat(entries.get(0).children().get(0).raw()).isEqualTo("/t.json");
        assertThat(entries.get(1).children()).extracting(PropertyEntry::key)
                .containsExactly("[0]", "[1]");
    }

    @Test
    void leavesUnreadableValuesAsTheSpaceSentThem() throws Exception {
        List<PropertyEntry> entries = PropertyEntry.of(JSON.readTree("""
                {"duration":"soon","date_created":"yesterday","price":"free"}"""));

        assertThat(entries).extracting(PropertyEntry::shown)
                .containsExactly("soon", "yesterday", "free");
    }
}
