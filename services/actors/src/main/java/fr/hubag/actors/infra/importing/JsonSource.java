package fr.hubag.actors.infra.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON file of the standard — an array of places with the standard's column names — one object at a
 * time, so a large file never sits whole in memory. Values may be strings, numbers (postcodes, coordinates) or
 * arrays for the multi-valued fields.
 */
public final class JsonSource extends RowSource {

    private final JsonParser parser;
    private final ObjectMapper json;
    private long row;

    public JsonSource(Reader in, ObjectMapper json) {
        this.json = json;
        try {
            this.parser = json.getFactory().createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableFile("not-json-array", "a JSON file of the standard is an array of places");
            }
        } catch (IOException e) {
            throw new UnreadableFile("not-json", "the file is not JSON: " + firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    protected RawRow read() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            long line = parser.currentLocation().getLineNr();
            row++;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new RawRow(row, line, Map.of(), "is not a JSON object");
            }
            Map<String, Object> values = json.readValue(parser, LinkedHashMap.class);
            Map<String, Object> byColumn = new LinkedHashMap<>();
            values.forEach((k, v) -> byColumn.put(k.strip().toLowerCase(java.util.Locale.ROOT), v));
            return new RawRow(row, line, byColumn, null);
        } catch (IOException e) {
            throw new UnreadableFile("not-json", "the JSON is malformed after " + row + " places: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
