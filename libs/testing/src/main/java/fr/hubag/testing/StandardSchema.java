package fr.hubag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Frictionless table schema read from the classpath, checking rows as they come out of a CSV file (column name to
 * raw text). It lets tests prove that what the hub exports or accepts is what the national standard says, with the
 * standard's own file as the judge rather than a copy of its rules in our code.
 *
 * <p>Checked: the header (exactly the schema's fields, in order), {@code required} (non-empty), {@code pattern}
 * (whole value, Java regex: the standard's patterns are written for JavaScript but mean the same here),
 * {@code maxLength}, {@code unique} and the {@code primaryKey}, type {@code number} (a decimal) and type {@code date}
 * ({@code YYYY-MM-DD}). An empty value is a missing one. A schema that asks for anything else is refused when loaded,
 * so nothing is silently left unchecked. Rows are numbered as Frictionless and spreadsheets do: the header is row 1,
 * the first data row is row 2.
 */
public final class StandardSchema {

    /** The national standard of digital mediation places, v1.0.2, as copied into contracts/standard. */
    public static final String MEDIATION_NUM = "contracts/standard/standard-mediation-num/schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("string", "number", "date");
    private static final Set<String> CONSTRAINTS = Set.of("required", "unique", "pattern", "maxLength");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String name;
    private final List<Field> fields;

    private StandardSchema(String name, List<Field> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
    }

    /** One column of the table and its constraints; {@code pattern} and {@code maxLength} may be null. */
    public record Field(String name, String type, boolean required, boolean unique, Pattern pattern,
                        Integer maxLength) {}

    public static StandardSchema mediationNum() {
        return load(MEDIATION_NUM);
    }

    /** Loads a table schema from a classpath resource. */
    public static StandardSchema load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no table schema " + resource + " on the classpath");
            }
            return parse(resource, JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static StandardSchema parse(String resource, JsonNode schema) {
        Set<String> keys = new HashSet<>();
        schema.path("primaryKey").forEach(key -> keys.add(key.asText()));
        if (schema.path("primaryKey").isTextual()) {
            keys.add(schema.path("primaryKey").asText());
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode field : schema.path("fields")) {
            String name = field.path("name").asText();
            String type = field.path("type").asText("string");
            boolean otherDateFormat = type.equals("date") && !field.path("format").asText("default").equals("default");
            if (!TYPES.contains(type) || otherDateFormat) {
                throw new IllegalArgumentException(resource + ", field " + name + ": type " + type
                        + " is not supported");
            }
            JsonNode constraints = field.path("constraints");
            constraints.fieldNames().forEachRemaining(constraint -> {
                if (!CONSTRAINTS.contains(constraint)) {
                    throw new IllegalArgumentException(resource + ", field " + name + ": constraint " + constraint
                            + " is not supported");
                }
            });
            boolean primary = keys.contains(name);
            fields.add(new Field(name, type, constraints.path("required").asBoolean(false) || primary,
                    constraints.path("unique").asBoolean(false) || primary,
                    constraints.has("pattern") ? Pattern.compile(constraints.get("pattern").asText()) : null,
                    constraints.has("maxLength") ? constraints.get("maxLength").asInt() : null));
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(resource + " has no fields");
        }
        return new StandardSchema(resource, fields);
    }

    public String name() {
        return name;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    /** @return the problems of a header row, empty when it is exactly the schema's fields in the schema's order */
    public List<String> validateHeader(List<String> header) {
        List<String> problems = new ArrayList<>();
        List<String> expected = fieldNames();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                problems.add("header: field " + column + " appears more than once");
            } else if (!expected.contains(column)) {
                problems.add("header: unknown field " + column);
            }
        }
        for (String field : expected) {
            if (!header.contains(field)) {
                problems.add("header: missing field " + field);
            }
        }
        if (problems.isEmpty() && !header.equals(expected)) {
            problems.add("header: fields are not in the schema's order, expected " + String.join(",", expected));
        }
        return problems;
    }

    /** @return the problems of the data rows (without the header), empty when every row conforms */
    public List<String> validate(List<Map<String, String>> rows) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Integer>> firstRowOfValue = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNumber = i + 2;
            Map<String, String> row = rows.get(i);
            Set<String> unknown = new LinkedHashSet<>(row.keySet());
            fieldNames().forEach(unknown::remove);
            unknown.forEach(column -> problems.add("row " + rowNumber + ": unknown field " + column));
            for (Field field : fields) {
                String value = row.get(field.name());
                String where = "row " + rowNumber + ", field " + field.name() + ": ";
                if (value == null || value.isEmpty()) {
                    if (field.required()) {
                        problems.add(where + "is required but empty");
                    }
                    continue;
                }
                problems.addAll(check(field, value).stream().map(where::concat).toList());
                if (field.unique()) {
                    Integer first = firstRowOfValue.computeIfAbsent(field.name(), f -> new HashMap<>())
                            .putIfAbsent(value, rowNumber);
                    if (first != null) {
                        problems.add(where + "'" + value + "' is already in row " + first + " (must be unique)");
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> check(Field field, String value) {
        List<String> problems = new ArrayList<>();
        switch (field.type()) {
            case "number" -> {
                try {
                    new BigDecimal(value);
                } catch (NumberFormatException e) {
                    problems.add("'" + value + "' is not a number");
                }
            }
            case "date" -> {
                if (!isIsoDate(value)) {
                    problems.add("'" + value + "' is not a date (YYYY-MM-DD)");
                }
            }
            default -> { }
        }
        if (field.pattern() != null && !field.pattern().matcher(value).matches()) {
            problems.add("'" + value + "' does not match pattern " + field.pattern().pattern());
        }
        if (field.maxLength() != null && value.codePointCount(0, value.length()) > field.maxLength()) {
            problems.add("'" + value + "' is longer than " + field.maxLength() + " characters");
        }
        return problems;
    }

    private static boolean isIsoDate(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
