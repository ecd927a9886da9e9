package fr.hubag.actors.application;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorCommand.RecordPlace;
import fr.hubag.actors.domain.place.Correction;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.actors.infra.importing.ImportReport;
import fr.hubag.actors.infra.importing.ImportReport.Issue;
import fr.hubag.actors.infra.importing.ImportReport.RowReport;
import fr.hubag.actors.infra.importing.RowReader;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a window of an import's good rows through the same decider as the API, so a second import of the same
 * file records nothing: the window in one transaction (one commit for the whole window, which is what makes a large
 * import fast); if any row of it is refused, row by row so that each row gets its own answer and the others still
 * land. A dry run reads the same streams and asks the decider what it would record, and records nothing.
 */
@ApplicationScoped
public class WindowRecorder {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final ActorCommands actors;
    private final EventStore store;

    public WindowRecorder(ActorCommands actors, EventStore store) {
        this.actors = actors;
        this.store = store;
    }

    /** Who records, under which correlation; the window's rows share one causation id, the import's. */
    public record Recording(String user, String correlationId, String importId, Instant at, boolean dryRun) {

        CommandContext context() {
            return CommandContext.of(correlationId, importId, user);
        }
    }

    /** The rows' reports, in the order of {@code batch}. */
    public List<RowReport> record(List<RowReader.Ready> batch, Recording recording) {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (recording.dryRun()) {
            return wouldRecord(batch, recording);
        }
        List<String> statuses = recordTogether(batch, recording);
        if (statuses != null) {
            List<RowReport> done = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                done.add(batch.get(i).done(statuses.get(i)));
            }
            return done;
        }
        List<Uni<RowReport>> answers = batch.stream().map(ready -> recordOne(ready, recording)).toList();
        return Uni.join().all(answers).andFailFast().await().atMost(WAIT);
    }

    /** The statuses of the rows recorded in one transaction, or null when one of them was refused. */
    private List<String> recordTogether(List<RowReader.Ready> batch, Recording recording) {
        // an import runs on a worker thread (a request that streams a file): waiting for each window is what keeps
        // the report in row order and memory bounded by the window
        CommandResult<ActorState> result = actors.executor().execute(ActorStreams.ACTOR,
                        batch.stream().map(r -> r.actorId().toString()).toList(), recording.context(),
                        states -> batch.stream().<ActorCommand>map(r -> command(r, recording)).toList(),
                        outcomes -> "")
                .onFailure(ConcurrencyConflict.class).recoverWithNull()
                .await().atMost(WAIT);
        if (result instanceof CommandResult.Decided<ActorState> decided) {
            return decided.outcomes().stream().map(WindowRecorder::statusOf).toList();
        }
        return null;
    }

    private Uni<RowReport> recordOne(RowReader.Ready ready, Recording recording) {
        return actors.register(ready.actorId(), command(ready, recording), recording.context(), outcomes -> "")
                .map(result -> switch (result) {
                    case CommandResult.Decided<ActorState> decided -> ready.done(statusOf(decided.first()));
                    case CommandResult.Replayed<ActorState> replayed -> ready.done(ImportReport.UNCHANGED);
                    case CommandResult.Rejected<ActorState> rejected -> refused(ready, rejected.rejection());
                })
                .onFailure(ConcurrencyConflict.class).recoverWithItem(failure -> ready.rejected(new Issue("id",
                        "the place was changed by someone else during the import; import the file again")));
    }

    /** What recording the window would do, decided on the streams as they are now; nothing is appended. */
    private List<RowReport> wouldRecord(List<RowReader.Ready> batch, Recording recording) {
        Map<String, List<EventEnvelope>> streams = store.read(
                batch.stream().map(r -> r.actorId().toString()).toList(), null).await().atMost(WAIT).streams();
        List<RowReport> done = new ArrayList<>();
        for (RowReader.Ready ready : batch) {
            ActorState state = fold(streams.get(ready.actorId().toString()));
            try {
                List<ActorEvent> events = ActorStreams.ACTOR.decider().decide(command(ready, recording), state);
                done.add(ready.done(events.isEmpty() ? ImportReport.UNCHANGED
                        : events.get(0) instanceof ActorEvent.ActorRegistered ? ImportReport.CREATED
                        : ImportReport.UPDATED));
            } catch (CommandRejected rejection) {
                done.add(refused(ready, rejection));
            }
        }
        return done;
    }

    private static ActorState fold(List<EventEnvelope> envelopes) {
        ActorState state = ActorStreams.ACTOR.decider().initialState();
        for (EventEnvelope envelope : envelopes) {
            if (!envelope.streamType().equals(ActorStreams.ACTOR.streamType())) {
                return ActorStreams.ACTOR.decider().initialState(); // as the kernel folds a stream of another type
            }
            state = ActorStreams.ACTOR.decider().evolve(state, ActorStreams.CODEC.decode(envelope.type(),
                    envelope.schemaVersion(), envelope.payload()));
        }
        return state;
    }

    private static RecordPlace command(RowReader.Ready ready, Recording recording) {
        boolean dateAssumed = ready.warnings().stream()
                .anyMatch(w -> Correction.DATE_MAJ_DEFAULTED.code().equals(w.kind()));
        return new RecordPlace(ready.actorId(), ready.place(), recording.at(), dateAssumed);
    }

    private static RowReport refused(RowReader.Ready ready, CommandRejected rejected) {
        if (rejected.code().equals("actor-merged")) {
            return ready.withWarning(ImportReport.UNCHANGED, new Issue("id", rejected.getMessage()));
        }
        return ready.rejected(new Issue(rejected.field() == null ? "id" : rejected.field(), rejected.getMessage()));
    }

    private static String statusOf(CommandOutcome<ActorState> outcome) {
        if (!outcome.changed()) {
            return ImportReport.UNCHANGED;
        }
        return outcome.events().get(0).type().equals("ActorRegistered") ? ImportReport.CREATED : ImportReport.UPDATED;
    }
}
