package fr.hubag.actors.infra.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file of the standard record by record, without holding the file in memory (RFC 4180: quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF or LF). The column separator is whatever the header uses among
 * comma, semicolon and tab — older exports of the standard and spreadsheets disagree on it.
 */
public final class CsvSource extends RowSource {

    private final Reader in;
    private final List<String> header;
    private final char separator;
    private long line = 1;
    private long row;

    public CsvSource(Reader in) {
        this.in = in.markSupported() ? in : new java.io.BufferedReader(in, 64 * 1024);
        String first = readPhysicalLine();
        if (first == null || first.isBlank()) {
            throw new UnreadableFile("empty-file", "the file is empty: a CSV of the standard starts with a header row");
        }
        if (first.indexOf('\0') >= 0) {
            throw new UnreadableFile("not-csv", "the file is binary, not a CSV text file");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        this.separator = detectSeparator(first);
        List<String> names = new ArrayList<>();
        for (String name : parseLine(first)) {
            names.add(name.strip().toLowerCase(java.util.Locale.ROOT));
        }
        this.header = List.copyOf(names);
        line = 2;
    }

    public List<String> header() { return header; }

    public char separator() { return separator; }

    @Override
    protected RawRow read() {
        while (true) {
            long startLine = line;
            List<String> values = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            try {
                while (true) {
                    c = in.read();
                    if (c < 0) {
                        if (!any && values.isEmpty() && field.isEmpty()) {
                            return null;
                        }
                        if (quoted) {
                            values.add(field.toString());
                            return new RawRow(++row, startLine, Map.of(), "a quoted value opened on line " + startLine
                                    + " is never closed");
                        }
                        break;
                    }
                    any = true;
                    char ch = (char) c;
                    if (c == 0) {
                        throw new UnreadableFile("not-csv", "the file is binary, not a CSV text file");
                    }
                    if (quoted) {
                        if (ch == '"') {
                            in.mark(1);
                            int peek = in.read();
                            if (peek == '"') {
                                field.append('"');
                            } else {
                                quoted = false;
                                if (peek >= 0) {
                                    in.reset();
                                }
                            }
                        } else {
                            if (ch == '\n') {
                                line++;
                            }
                            field.append(ch);
                        }
                    } else if (ch == '"' && field.isEmpty()) {
                        quoted = true;
                    } else if (ch == separator) {
                        values.add(field.toString());
                        field.setLength(0);
                    } else if (ch == '\n') {
                        line++;
                        break;
                    } else if (ch != '\r') {
                        field.append(ch);
                    }
                }
            } catch (IOException e) {
                throw new UnreadableFile("unreadable", "the file could not be read: " + e.getMessage());
            }
            values.add(field.toString());
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue; // a blank line is not a record
            }
            row++;
            if (values.size() != header.size()) {
                return new RawRow(row, startLine, Map.of(), "has " + values.size() + " values where the header has "
                        + header.size() + " columns (separator '" + printable(separator)
                        + "'): a wrong separator or an unquoted separator inside a value");
            }
            Map<String, Object> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i), values.get(i));
            }
            return new RawRow(row, startLine, byColumn, null);
        }
    }

    private String readPhysicalLine() {
        StringBuilder text = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    text.append((char) c);
                }
                if (text.length() > 64_000) {
                    throw new UnreadableFile("not-csv", "the first line is longer than 64 000 characters: not a "
                            + "CSV header");
                }
            }
            return c < 0 && text.isEmpty() ? null : text.toString();
        } catch (IOException e) {
            throw new UnreadableFile("unreadable", "the file could not be read: " + e.getMessage());
        }
    }

    private List<String> parseLine(String text) {
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == separator) {
                values.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        values.add(field.toString());
        return values;
    }

    private static char detectSeparator(String header) {
        Map<Character, Integer> counts = new LinkedHashMap<>();
        counts.put(',', 0);
        counts.put(';', 0);
        counts.put('\t', 0);
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && counts.containsKey(ch)) {
                counts.merge(ch, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(',');
    }

    private static String printable(char separator) {
        return separator == '\t' ? "tab" : String.valueOf(separator);
    }
}
