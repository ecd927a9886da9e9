package fr.hubag.actors.infra.importing;

import java.util.Map;

/**
 * One record of an imported file, before validation: its 1-based number among the data rows, the line it starts
 * on (CSV) and its values by column name as written in the file. {@code problem} is set when the record could not
 * even be split into columns (a wrong separator, a quote left open).
 */
public record RawRow(long row, long line, Map<String, Object> values, String problem) {}
