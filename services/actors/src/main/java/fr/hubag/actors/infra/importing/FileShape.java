package fr.hubag.actors.infra.importing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an uploaded file is, found by reading it once through before anything is imported: a CSV or JSON file of the
 * standard at all (or a 400 and nothing stored), its separator, which generation of the standard, which columns
 * the standard does not know. Reads row by row, like the import after it.
 */
public record FileShape(Format format, char separator, boolean legacy, List<String> ignoredColumns) {

    public enum Format { CSV, JSON }

    public static FileShape inspect(Path file, Charset charset, Format format, ObjectMapper json) {
        try (Reader in = Files.newBufferedReader(file, charset)) {
            if (format == Format.JSON) {
                Iterator<RawRow> rows = new JsonSource(in, json);
                Set<String> columns = new TreeSet<>();
                rows.forEachRemaining(row -> columns.addAll(row.values().keySet()));
                return new FileShape(format, ',', columns.stream().anyMatch(RowReader::isLegacyColumn),
                        columns.stream().filter(c -> !RowReader.isKnownColumn(c)).toList());
            }
            CsvSource csv = new CsvSource(in);
            List<String> missing = RowReader.missingRequiredColumns(csv.header());
            if (!missing.isEmpty()) {
                throw new UnreadableFile("not-standard-csv", "the header lacks the standard's column(s) "
                        + String.join(", ", missing) + " (header read with separator '"
                        + (csv.separator() == '\t' ? "tab" : String.valueOf(csv.separator()))
                        + "'): this is not a CSV file of the national standard of mediation places");
            }
            while (csv.hasNext()) {
                csv.next();
            }
            return new FileShape(format, csv.separator(), csv.header().stream().anyMatch(RowReader::isLegacyColumn),
                    csv.header().stream().filter(c -> !RowReader.isKnownColumn(c)).toList());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The rows of the file, read one at a time. */
    public Iterator<RawRow> open(Reader in, ObjectMapper json) {
        return format == Format.JSON ? new JsonSource(in, json) : new CsvSource(in);
    }

    public static UnreadableFile unreadable(IOException e) {
        return new UnreadableFile("unreadable", "the file could not be read: " + e.getMessage());
    }
}
