package fr.hubag.projection.actors.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes standard rows as text, a batch at a time, so an export streams instead of being built whole. CSV is RFC
 * 4180: a header, every value in double quotes (a quote doubled), CRLF line ends, UTF-8. JSON is one array of
 * objects with the standard's keys, absent values left out, latitude and longitude as numbers.
 */
public final class ExportEncoders {

    private ExportEncoders() {}

    public static String csvHeader() {
        StringBuilder line = new StringBuilder();
        for (String column : StandardRows.COLUMNS) {
            quoted(line, line.isEmpty(), column);
        }
        return line.append("\r\n").toString();
    }

    /** @param rows rows of {@link StandardRows#of}, their values in the order of its columns */
    public static String csv(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 600);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                quoted(text, i == 0, value == null ? "" : value instanceof Double d ? plain(d) : value.toString());
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** @param first whether these rows open the array (no comma before the first one) */
    public static String json(ObjectMapper mapper, List<Object[]> rows, boolean first) {
        StringBuilder text = new StringBuilder(rows.size() * 700);
        boolean comma = !first;
        for (Object[] row : rows) {
            Map<String, Object> present = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                if (row[i] != null) {
                    present.put(StandardRows.COLUMNS.get(i), row[i]);
                }
            }
            try {
                text.append(comma ? "," : "").append(mapper.writeValueAsString(present));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an export row", e);
            }
            comma = true;
        }
        return text.toString();
    }

    private static void quoted(StringBuilder line, boolean first, String value) {
        if (!first) {
            line.append(',');
        }
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static String plain(Double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
