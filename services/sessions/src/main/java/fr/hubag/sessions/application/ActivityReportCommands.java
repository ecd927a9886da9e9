package fr.hubag.sessions.application;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.sessions.domain.ActivityReportCommand;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.ActivityReportState;
import fr.hubag.sessions.infra.ActivityNotes;
import fr.hubag.sessions.infra.ActivityReportStreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Activity reports as commands for any transport (REST, and offline batches through {@link OfflineBatches}): the
 * caller must be allowed to act for the reported territory and actor — as for a session: the actor's mediators, the
 * territory's coordinators, hub admins — and, for a correction, for the report as stored too.
 */
@ApplicationScoped
public class ActivityReportCommands {

    /**
     * The free-text notes a report carries besides its facts: {@code text} null for none (a correction without
     * notes removes them); {@code person} the one person an individuel report names, whose key seals them.
     */
    public record Notes(UUID person, String text) {
        public static final Notes NONE = new Notes(null, null);
    }

    private final CommandExecutor executor;
    private final Caller caller;
    private final ActivityNotes notes;

    public ActivityReportCommands(CommandExecutor executor, Caller caller, ActivityNotes notes) {
        this.executor = executor;
        this.caller = caller;
        this.notes = notes;
    }

    /**
     * Records or corrects a report; its notes are kept sealed in the same transaction as its events (or alone when
     * the report was decided again unchanged), never in an event nor in the answer kept for its key.
     */
    public Uni<CommandResult<ActivityReportState>> run(ActivityReportCommand command, Activity activity, Notes kept,
                                                       CommandContext context,
                                                       Function<List<CommandOutcome<ActivityReportState>>, String>
                                                               answer) {
        SessionAccess.requireMayActFor(caller, activity.territory(), activity.actorId());
        UUID reportId = command.reportId();
        Function<List<ActivityReportState>, List<ActivityReportCommand>> commandsFor = states -> {
            requireMayActOn(states.get(0));
            return List.of(command);
        };
        CommandExecutor.Alongside<ActivityReportState> withNotes =
                (tx, changed) -> notes.write(tx, reportId, kept.person(), kept.text(), command.at());
        // a new report's id was just made up (or sent by an offline batch): its empty stream is not read first
        return (command instanceof ActivityReportCommand.RecordActivity
                ? executor.create(ActivityReportStreams.REPORT, reportId.toString(), context, commandsFor, answer,
                        withNotes)
                : executor.execute(ActivityReportStreams.REPORT, List.of(reportId.toString()), context, commandsFor,
                        answer, withNotes))
                .call(result -> result instanceof CommandResult.Decided<ActivityReportState> decided
                        && !decided.changed()
                        ? notes.write(reportId, kept.person(), kept.text(), command.at())
                        : Uni.createFrom().voidItem());
    }

    /** A report's notes for a caller who may read the report; empty when none or the person is erased. */
    public Uni<java.util.Optional<String>> notes(UUID reportId) {
        return notes.read(reportId);
    }

    /** A report as it is now, after checking the caller may see it. */
    public Uni<CommandExecutor.Loaded<ActivityReportState>> load(UUID reportId) {
        return executor.load(ActivityReportStreams.REPORT, reportId.toString()).map(loaded -> {
            requireMayActOn(loaded.state());
            return loaded;
        });
    }

    private void requireMayActOn(ActivityReportState state) {
        if (state instanceof ActivityReportState.Recorded recorded) {
            SessionAccess.requireMayActFor(caller, recorded.activity().territory(), recorded.activity().actorId());
        }
    }

    public Caller caller() { return caller; }
}
