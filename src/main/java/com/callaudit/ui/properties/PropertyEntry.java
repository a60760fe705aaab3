package com.callaudit.ui.properties;

import com.callaudit.api.SignalWireDates;
import com.callaudit.ui.Formats;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of the property pane: a JSON key, its value written for people, the value
 * exactly as the space sent it, and the lines nested under it.
 *
 * @param key the JSON key, or {@code [n]} for an array element
 * @param shown the value formatted for people (local time beside the raw date, m:ss …)
 * @param raw the value as the JSON had it ({@code null} for JSON null); empty for objects
 * @param children the entries of a nested object or array, in the server's order
 */
public record PropertyEntry(String key, String shown, String raw,
        List<PropertyEntry> children) {

    private static final Set<String> DATE_KEYS =
            Set.of("date_created", "date_updated", "start_time", "end_time");

    /** The entries of a JSON object, every key in the server's order. */
    public static List<PropertyEntry> of(JsonNode object) {
        List<PropertyEntry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            entries.add(entry(field.getKey(), field.getValue(), object));
        }
        return List.copyOf(entries);
    }

    private static PropertyEntry entry(String key, JsonNode value, JsonNode parent) {
        if (value.isObject()) {
            return new PropertyEntry(key, "{" + value.size()
                    + (value.size() == 1 ? " key}" : " keys}"), "", of(value));
        }
        if (value.isArray()) {
            List<PropertyEntry> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(entry("[" + i + "]", value.get(i), value));
            }
            return new PropertyEntry(key, "[" + value.size()
                    + (value.size() == 1 ? " item]" : " items]"), "",
                    List.copyOf(items));
        }
        String raw = value.isNull() ? "null" : value.asText();
        return new PropertyEntry(key, shown(key, value, parent), raw, List.of());
    }

    private static String shown(String key, JsonNode value, JsonNode parent) {
        if (value.isNull()) {
            return "null";
        }
        String text = value.asText();
        if (DATE_KEYS.contains(key) || key.endsWith("_time") || key.startsWith("date_")) {
            return SignalWireDates.parse(text)
                    .map(date -> Formats.localTime(date) + "   (" + text + ")")
                    .orElse(text);
        }
        return switch (key) {
            case "duration" -> durationOf(text);
            case "price" -> priceOf(text, parent.path("price_unit").asText(""));
            case "channels", "channel" -> text + " (" + Formats.channels(
                    "2".equals(text.strip()) ? 2 : "1".equals(text.strip()) ? 1 : 0) + ")";
            default -> text;
        };
    }

    private static String durationOf(String text) {
        try {
            int seconds = new BigDecimal(text.strip()).intValue();
            return Formats.duration(seconds) + " (" + seconds + " s)";
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String priceOf(String text, String unit) {
        try {
            return Formats.price(new BigDecimal(text.strip()), unit);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
