package fr.hubag.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader for tests: comma-separated, fields optionally in double quotes (a quote inside doubled,
 * commas and line breaks allowed inside), records ended by CRLF or LF, the first record is the header. Enough to
 * read the national standard's example file and the hub's exports without a CSV library; it refuses what RFC 4180
 * forbids (a stray quote, a record of the wrong width) instead of guessing.
 */
public final class Csv {

    private Csv() {}

    /** @return the data records as column-to-value maps in the header's order (values exactly as in the file) */
    public static List<Map<String, String>> parse(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no header row");
        }
        List<String> header = records.get(0);
        if (header.stream().distinct().count() != header.size()) {
            throw new IllegalArgumentException("the header names a column twice: " + header);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() != header.size()) {
                throw new IllegalArgumentException("record " + (r + 1) + " has " + record.size()
                        + " fields, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), record.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** @return the header row of a CSV text */
    public static List<String> header(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no header row");
        }
        return records.get(0);
    }

    /** @return every record, the header first, each as its list of fields; a final line break ends the last one */
    public static List<List<String>> records(String text) {
        String in = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int line = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < in.length() && in.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
                i++;
                continue;
            }
            boolean crlf = c == '\r' && i + 1 < in.length() && in.charAt(i + 1) == '\n';
            if (c == ',' || c == '\n' || crlf) {
                record.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                if (c != ',') {
                    records.add(record);
                    record = new ArrayList<>();
                    line++;
                }
                i += crlf ? 2 : 1;
                continue;
            }
            if (afterQuote) {
                throw new IllegalArgumentException("line " + line + ": text after a closing quote");
            }
            if (c == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("line " + line + ": quote inside an unquoted field");
                }
                quoted = true;
            } else if (c == '\r') {
                throw new IllegalArgumentException("line " + line + ": carriage return without line feed");
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + line + ": quoted field not closed");
        }
        if (afterQuote || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
