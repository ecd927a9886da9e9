package fr.hubag.actors.infra.importing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.hubag.actors.infra.importing.ImportReport.MergeCandidate;
import fr.hubag.actors.infra.importing.ImportReport.RowReport;
import fr.hubag.actors.infra.importing.ImportReport.Summary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An import's report written to disk as the rows are done — its rows and its merge candidates each in a temporary
 * file, counted on the way — then sent as one {@link ImportReport} document read back from those files: however
 * large the file, the report never sits in memory, and the answer's status is known before a byte of it is sent.
 */
public final class ReportSpool implements AutoCloseable {

    /** The report's fields before its rows, in {@link ImportReport}'s order. */
    private record Head(String format, char separator, boolean legacy, boolean dryRun, List<String> ignoredColumns,
                        Summary summary) {}

    private final ObjectMapper json;
    private final ObjectWriter writer;
    private final Path rowsFile;
    private final Path candidatesFile;
    private final JsonGenerator rows;
    private final JsonGenerator candidates;
    private final Map<String, Long> statuses = new HashMap<>();
    private final Map<String, Long> warningsByKind = new TreeMap<>();
    private long rowCount;
    private long candidateCount;

    public ReportSpool(ObjectMapper json) {
        this.json = json;
        this.writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try {
            rowsFile = Files.createTempFile("hub-import-rows-", ".json");
            candidatesFile = Files.createTempFile("hub-import-candidates-", ".json");
            rows = json.getFactory().createGenerator(Files.newOutputStream(rowsFile));
            candidates = json.getFactory().createGenerator(Files.newOutputStream(candidatesFile));
            rows.writeStartArray();
            candidates.writeStartArray();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    public void row(RowReport report) {
        rowCount++;
        statuses.merge(report.status(), 1L, Long::sum);
        report.warnings().forEach(w -> warningsByKind.merge(w.summaryKind(), 1L, Long::sum));
        write(rows, report);
    }

    public void candidate(MergeCandidate candidate) {
        candidateCount++;
        write(candidates, candidate);
    }

    /** The report is complete: how to send it (then its files are gone). */
    public Finished finish(String format, char separator, boolean legacy, boolean dryRun, List<String> ignored,
                           long millis) {
        try {
            rows.writeEndArray();
            candidates.writeEndArray();
            rows.close();
            candidates.close();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        Summary summary = new Summary(rowCount, count(ImportReport.CREATED), count(ImportReport.UPDATED),
                count(ImportReport.UNCHANGED), count(ImportReport.REJECTED), candidateCount,
                Map.copyOf(warningsByKind), millis);
        return new Finished(new Head(format, separator, legacy, dryRun, ignored, summary));
    }

    /** A report ready to send: its summary, and the whole document on demand. */
    public final class Finished {

        private final Head head;

        private Finished(Head head) {
            this.head = head;
        }

        public Summary summary() {
            return head.summary();
        }

        /** Writes the whole report and deletes its files. */
        public void writeTo(OutputStream out) throws IOException {
            try {
                String start = json.writeValueAsString(head);
                out.write(start.substring(0, start.length() - 1).getBytes(StandardCharsets.UTF_8));
                out.write(",\"rows\":".getBytes(StandardCharsets.UTF_8));
                Files.copy(rowsFile, out);
                out.write(",\"mergeCandidates\":".getBytes(StandardCharsets.UTF_8));
                Files.copy(candidatesFile, out);
                out.write('}');
            } finally {
                close();
            }
        }
    }

    private long count(String status) {
        return statuses.getOrDefault(status, 0L);
    }

    private void write(JsonGenerator generator, Object value) {
        try {
            writer.writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the files (a report abandoned, or sent). */
    @Override
    public void close() {
        for (JsonGenerator generator : new JsonGenerator[] {rows, candidates}) {
            try {
                if (generator != null) {
                    generator.close();
                }
            } catch (IOException ignored) {
                // the file goes next
            }
        }
        for (Path file : new Path[] {rowsFile, candidatesFile}) {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // a temporary file left behind is the system's to clean
            }
        }
    }
}
