package fr.hubag.actors.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.actors.application.WindowRecorder.Recording;
import fr.hubag.actors.infra.PlaceKeyIndex;
import fr.hubag.actors.infra.importing.FileShape;
import fr.hubag.actors.infra.importing.ImportReport.Issue;
import fr.hubag.actors.infra.importing.ImportReport.MergeCandidate;
import fr.hubag.actors.infra.importing.ImportReport.RowReport;
import fr.hubag.actors.infra.importing.ImportScratch;
import fr.hubag.actors.infra.importing.RawRow;
import fr.hubag.actors.infra.importing.ReportSpool;
import fr.hubag.actors.infra.importing.RowReader;
import fr.hubag.domain.Territory;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a file of the standard in windows of {@value #WINDOW} rows: each window is read and checked, compared with
 * the earlier rows and the census through indexed keys ({@link WindowDuplicates}), recorded ({@link WindowRecorder})
 * and written to the report on disk ({@link ReportSpool}) before the next is read. Memory therefore depends on the
 * window, neither on the file nor on the census. The file is read twice from disk — once to be sure it is a CSV or
 * JSON file of the standard at all, once to import — so a broken file stores nothing.
 */
@ApplicationScoped
public class PlaceImporter {

    /** Rows read, checked and recorded together: one transaction, two duplicate look-ups per window. */
    static final int WINDOW = 500;

    private final WindowRecorder recorder;
    private final PlaceKeyIndex census;
    private final ImportScratch scratch;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    private static final Logger LOG = Logger.getLogger(PlaceImporter.class);

    /** Where an import's time went, logged when it ends: reading and checking, duplicates, recording. */
    private static final class Timings {
        long reading;
        long duplicates;
        long recording;
    }

    public PlaceImporter(WindowRecorder recorder, PlaceKeyIndex census, ImportScratch scratch, ObjectMapper json) {
        this.recorder = recorder;
        this.census = census;
        this.scratch = scratch;
        this.json = json;
    }

    /** Who imports, what they may touch, whether all-zeros pivots are accepted, and whether to record at all. */
    public record Request(Set<Territory> covered, boolean acceptUnknownPivot, boolean dryRun, String user,
                          String correlationId) {}

    /** Imports the file; the report is on disk, ready to send. */
    public ReportSpool.Finished run(Path file, Charset charset, FileShape.Format format, Request request) {
        long started = System.nanoTime();
        FileShape shape = FileShape.inspect(file, charset, format, json);
        census.catchUp();
        UUID importId = UUID.randomUUID();
        Recording recording = new Recording(request.user(), request.correlationId(), importId.toString(),
                clock.instant(), request.dryRun());
        WindowDuplicates duplicates = new WindowDuplicates(census, scratch, importId, request.covered());
        RowReader reader = new RowReader(shape.legacy(), request.acceptUnknownPivot());
        ReportSpool report = new ReportSpool(json);
        Timings timings = new Timings();
        long inspected = System.nanoTime();
        try (Reader in = Files.newBufferedReader(file, charset)) {
            Iterator<RawRow> rows = shape.open(in, json);
            List<RowReader.Outcome> window = new ArrayList<>(WINDOW);
            long reading = System.nanoTime();
            while (rows.hasNext()) {
                window.add(reader.read(rows.next(), request.covered()));
                if (window.size() == WINDOW || !rows.hasNext()) {
                    timings.reading += System.nanoTime() - reading;
                    importWindow(window, duplicates, recording, report, timings);
                    window.clear();
                    reading = System.nanoTime();
                }
            }
        } catch (IOException e) {
            report.close();
            throw FileShape.unreadable(e);
        } catch (RuntimeException e) {
            report.close();
            throw e;
        } finally {
            scratch.forget(importId);
        }
        ReportSpool.Finished finished = report.finish(format.name().toLowerCase(java.util.Locale.ROOT),
                shape.separator(), shape.legacy(), request.dryRun(), shape.ignoredColumns(),
                (System.nanoTime() - started) / 1_000_000);
        LOG.infof("import %s: %d rows in %d ms (inspecting the file and catching up the keys %d ms, reading and "
                        + "checking %d ms, duplicates %d ms, %s %d ms)", importId, finished.summary().rows(),
                finished.summary().millis(), (inspected - started) / 1_000_000, timings.reading / 1_000_000,
                timings.duplicates / 1_000_000, request.dryRun() ? "deciding (dry run)" : "recording",
                timings.recording / 1_000_000);
        return finished;
    }

    private void importWindow(List<RowReader.Outcome> window, WindowDuplicates duplicates, Recording recording,
                              ReportSpool report, Timings timings) {
        List<RowReader.Ready> ready = window.stream().filter(RowReader.Ready.class::isInstance)
                .map(RowReader.Ready.class::cast).toList();
        long start = System.nanoTime();
        List<WindowDuplicates.Verdict> verdicts = duplicates.check(ready);
        long checked = System.nanoTime();
        timings.duplicates += checked - start;
        List<RowReader.Ready> toRecord = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            WindowDuplicates.Verdict verdict = verdicts.get(i);
            RowReader.Ready row = ready.get(i);
            if (verdict.sameIdAsRow() == null) {
                toRecord.add(row);
                if (!verdict.similarTo().isEmpty()) {
                    report.candidate(new MergeCandidate(row.raw().row(), row.actorId(), row.place().name(),
                            verdict.similarTo()));
                }
            }
        }
        Iterator<RowReport> recorded = recorder.record(toRecord, recording).iterator();
        timings.recording += System.nanoTime() - checked;
        Iterator<WindowDuplicates.Verdict> verdictOf = verdicts.iterator();
        for (RowReader.Outcome outcome : window) {
            switch (outcome) {
                case RowReader.Rejected rejected -> report.row(rejected.report());
                case RowReader.Ready row -> {
                    Long sameId = verdictOf.next().sameIdAsRow();
                    report.row(sameId == null ? recorded.next() : row.rejected(new Issue("id",
                            "same place id as row " + sameId + ": a row appears twice in the file")));
                }
            }
        }
    }
}
