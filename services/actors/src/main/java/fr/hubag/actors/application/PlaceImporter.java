package fr.hubag.actors.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.actors.domain.ActorCommand.RecordPlace;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.actors.domain.LikelyDuplicates;
import fr.hubag.contracts.actors.Place;
import fr.hubag.actors.infra.ActorCatalogue;
import fr.hubag.actors.infra.importing.CsvSource;
import fr.hubag.actors.infra.importing.ImportReport;
import fr.hubag.actors.infra.importing.JsonSource;
import fr.hubag.actors.infra.importing.RawRow;
import fr.hubag.actors.infra.importing.RowReader;
import fr.hubag.actors.infra.importing.UnreadableFile;
import fr.hubag.actors.infra.importing.ImportReport.Issue;
import fr.hubag.actors.infra.importing.ImportReport.MergeCandidate;
import fr.hubag.actors.infra.importing.ImportReport.RowReport;
import fr.hubag.actors.infra.importing.ImportReport.Similar;
import fr.hubag.actors.infra.importing.ImportReport.Summary;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a file of the standard: every row is validated, the good ones are registered or updated through the same
 * decider as the API (so a second import of the same file records nothing), and the report says what happened to
 * each row. The file is read twice from disk — once to be sure it is a CSV or JSON file of the standard at all,
 * once to import — so a broken file stores nothing and a large one never sits whole in memory.
 */
@ApplicationScoped
public class PlaceImporter {

    /** Rows in flight at once: enough to keep the connection pool busy, few enough to keep the report ordered. */
    private static final int WINDOW = 128;

    private final ActorCommands actors;
    private final ActorCatalogue catalogue;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public PlaceImporter(ActorCommands actors, ActorCatalogue catalogue, ObjectMapper json) {
        this.actors = actors;
        this.catalogue = catalogue;
        this.json = json;
    }

    public enum Format { CSV, JSON }

    /** Who imports, what they may touch, and whether all-zeros pivots are knowingly accepted as "unknown". */
    public record Request(Set<Territory> covered, boolean acceptUnknownPivot, String user, String correlationId) {}

    public ImportReport run(Path file, Charset charset, Format format, Request request) {
        long started = System.nanoTime();
        SourceShape shape = inspect(file, charset, format);
        LikelyDuplicates duplicates = new LikelyDuplicates();
        catalogue.places(request.covered()).await().atMost(Duration.ofMinutes(1))
                .forEach(known -> duplicates.add(known.actorId(), null, known.place()));
        RowReader reader = new RowReader(shape.legacy(), request.acceptUnknownPivot());
        String importId = UUID.randomUUID().toString();
        List<RowReport> reports = new ArrayList<>();
        List<MergeCandidate> candidates = new ArrayList<>();
        Map<String, Long> rowOfId = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, charset)) {
            Iterator<RawRow> rows = open(in, format);
            List<Uni<RowReport>> window = new ArrayList<>();
            List<RowReader.Ready> readyRows = new ArrayList<>();
            while (rows.hasNext()) {
                RawRow raw = rows.next();
                RowReader.Outcome outcome = reader.read(raw, request.covered());
                if (outcome instanceof RowReader.Rejected rejected) {
                    readyRows.add(null);
                    window.add(Uni.createFrom().item(rejected.report()));
                } else if (outcome instanceof RowReader.Ready ready) {
                    Long earlier = rowOfId.putIfAbsent(ready.actorId().toString(), raw.row());
                    if (earlier != null) {
                        readyRows.add(null);
                        window.add(Uni.createFrom().item(ready.rejected(new Issue("id",
                                "same place id as row " + earlier + ": a row appears twice in the file"))));
                    } else {
                        List<LikelyDuplicates.Match> matches = duplicates.matches(ready.actorId(), ready.place());
                        if (!matches.isEmpty()) {
                            candidates.add(new MergeCandidate(raw.row(), ready.actorId(), ready.place().name(),
                                    matches.stream().map(m -> new Similar(m.seen().row(), m.seen().actorId(),
                                            m.seen().name(), List.copyOf(m.reasons()))).toList()));
                        }
                        duplicates.add(ready.actorId(), raw.row(), ready.place());
                        window.add(null); // filled in by flush, in row order
                        readyRows.add(ready);
                    }
                }
                if (window.size() >= WINDOW) {
                    reports.addAll(flush(window, readyRows, request, importId));
                }
            }
            reports.addAll(flush(window, readyRows, request, importId));
        } catch (IOException e) {
            throw new UnreadableFile("unreadable", "the file could not be read: " + e.getMessage());
        }
        return new ImportReport(format.name().toLowerCase(java.util.Locale.ROOT), shape.separator(), shape.legacy(),
                shape.ignoredColumns(), summary(reports, candidates, started), reports, candidates);
    }

    private Uni<RowReport> record(RowReader.Ready ready, Request request, String importId) {
        CommandContext context = CommandContext.of(request.correlationId(), importId, request.user());
        RecordPlace command = new RecordPlace(ready.actorId(), ready.place(), clock.instant());
        return actors.register(ready.actorId(), command, context, outcomes -> "")
                .map(result -> switch (result) {
                    case CommandResult.Decided<ActorState> decided -> ready.done(statusOf(decided.first()));
                    case CommandResult.Replayed<ActorState> replayed -> ready.done(ImportReport.UNCHANGED);
                    case CommandResult.Rejected<ActorState> rejected -> refused(ready, rejected.rejection());
                })
                .onFailure(ConcurrencyConflict.class).recoverWithItem(failure -> ready.rejected(new Issue("id",
                        "the place was changed by someone else during the import; import the file again")));
    }

    private static RowReport refused(RowReader.Ready ready, CommandRejected rejected) {
        if (rejected.code().equals("actor-merged")) {
            return ready.withWarning(ImportReport.UNCHANGED, new Issue("id", rejected.getMessage()));
        }
        return ready.rejected(new Issue(rejected.field() == null ? "id" : rejected.field(), rejected.getMessage()));
    }

    /**
     * Records a window of rows. The good rows of the window go in one transaction (one commit for up to
     * {@value #WINDOW} places, which is what makes a large import fast); if any of them is refused, the window is
     * replayed row by row so that each row gets its own answer and the others still land.
     */
    private List<RowReport> flush(List<Uni<RowReport>> window, List<RowReader.Ready> readyRows, Request request,
                                  String importId) {
        if (window.isEmpty()) {
            return List.of();
        }
        List<RowReader.Ready> batch = readyRows.stream().filter(java.util.Objects::nonNull).toList();
        List<String> statuses = batch.isEmpty() ? List.of() : recordTogether(batch, request, importId);
        List<Uni<RowReport>> answers = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < window.size(); i++) {
            RowReader.Ready ready = readyRows.get(i);
            if (ready == null) {
                answers.add(window.get(i));
            } else if (statuses != null) {
                answers.add(Uni.createFrom().item(ready.done(statuses.get(next++))));
            } else {
                answers.add(record(ready, request, importId));
            }
        }
        List<RowReport> done = Uni.join().all(answers).andFailFast().await().atMost(Duration.ofMinutes(2));
        window.clear();
        readyRows.clear();
        return done;
    }

    /** The statuses of the rows recorded in one transaction, or null when one of them was refused. */
    private List<String> recordTogether(List<RowReader.Ready> batch, Request request, String importId) {
        CommandContext context = CommandContext.of(request.correlationId(), importId, request.user());
        java.time.Instant now = clock.instant();
        // an import runs on a worker thread (a request that streams a file): waiting for each window is what keeps
        // the report in row order and memory bounded by the window
        CommandResult<ActorState> result = actors.executor().execute(fr.hubag.actors.infra.ActorStreams.ACTOR,
                        batch.stream().map(r -> r.actorId().toString()).toList(), context,
                        states -> batch.stream().<fr.hubag.actors.domain.ActorCommand>map(
                                r -> new RecordPlace(r.actorId(), r.place(), now)).toList(),
                        outcomes -> "")
                .onFailure(ConcurrencyConflict.class).recoverWithNull()
                .await().atMost(Duration.ofMinutes(2));
        if (result instanceof CommandResult.Decided<ActorState> decided) {
            return decided.outcomes().stream().map(PlaceImporter::statusOf).toList();
        }
        return null;
    }

    private static String statusOf(CommandOutcome<ActorState> outcome) {
        if (!outcome.changed()) {
            return ImportReport.UNCHANGED;
        }
        return outcome.events().get(0).type().equals("ActorRegistered") ? ImportReport.CREATED : ImportReport.UPDATED;
    }

    private record SourceShape(char separator, boolean legacy, List<String> ignoredColumns) {}

    /** First pass: is this a file of the standard at all? Which separator, which generation of the standard? */
    private SourceShape inspect(Path file, Charset charset, Format format) {
        try (Reader in = Files.newBufferedReader(file, charset)) {
            if (format == Format.JSON) {
                Iterator<RawRow> rows = new JsonSource(in, json);
                java.util.Set<String> columns = new java.util.TreeSet<>();
                rows.forEachRemaining(row -> columns.addAll(row.values().keySet()));
                return new SourceShape(',', columns.stream().anyMatch(RowReader::isLegacyColumn),
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
            return new SourceShape(csv.separator(), csv.header().stream().anyMatch(RowReader::isLegacyColumn),
                    csv.header().stream().filter(c -> !RowReader.isKnownColumn(c)).toList());
        } catch (IOException e) {
            throw new UnreadableFile("unreadable", "the file could not be read: " + e.getMessage());
        }
    }

    private Iterator<RawRow> open(Reader in, Format format) {
        return format == Format.JSON ? new JsonSource(in, json) : new CsvSource(in);
    }

    private static Summary summary(List<RowReport> reports, List<MergeCandidate> candidates, long started) {
        Map<String, Long> counts = new HashMap<>();
        reports.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return new Summary(reports.size(), counts.getOrDefault(ImportReport.CREATED, 0L),
                counts.getOrDefault(ImportReport.UPDATED, 0L), counts.getOrDefault(ImportReport.UNCHANGED, 0L),
                counts.getOrDefault(ImportReport.REJECTED, 0L), candidates.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
