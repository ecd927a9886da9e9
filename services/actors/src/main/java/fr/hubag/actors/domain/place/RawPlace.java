package fr.hubag.actors.domain.place;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A place as it arrives, before any rule: each field's value as the source gave it — null, a String, a Number, a
 * Boolean or a List — whether it came from a CSV row, a JSON file or a REST body. Legacy columns are kept apart.
 */
public record RawPlace(Map<StandardField, Object> values, Map<LegacyField, Object> legacy) {

    public RawPlace {
        values = Collections.unmodifiableMap(copy(StandardField.class, values));
        legacy = Collections.unmodifiableMap(copy(LegacyField.class, legacy));
    }

    public RawPlace(Map<StandardField, Object> values) {
        this(values, Map.of());
    }

    /** From column names (standard or legacy), as in a CSV header or a standard JSON file; others are ignored. */
    public static RawPlace ofColumns(Map<String, ?> columns) {
        Map<StandardField, Object> values = new EnumMap<>(StandardField.class);
        Map<LegacyField, Object> legacy = new EnumMap<>(LegacyField.class);
        columns.forEach((name, value) -> {
            String column = name == null ? "" : name.replace("\uFEFF", "").strip(); // a spreadsheet's BOM
            StandardField.ofStandardName(column).ifPresent(f -> values.put(f, value));
            LegacyField.ofColumnName(column).ifPresent(f -> legacy.put(f, value));
        });
        return new RawPlace(values, legacy);
    }

    public Object get(StandardField field) {
        return values.get(field);
    }

    public Object get(LegacyField field) {
        return legacy.get(field);
    }

    private static <K extends Enum<K>> Map<K, Object> copy(Class<K> type, Map<K, Object> map) {
        Map<K, Object> copy = new EnumMap<>(type);
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null) {
                    copy.put(k, v);
                }
            });
        }
        return copy;
    }
}
