package fr.hubag.sessions.application;

import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.sessions.domain.ActivityReportCommand;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.ActivityReportState;
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

    private final CommandExecutor executor;
    private final Caller caller;

    public ActivityReportCommands(CommandExecutor executor, Caller caller) {
        this.executor = executor;
        this.caller = caller;
    }

    public Uni<CommandResult<ActivityReportState>> run(ActivityReportCommand command, Activity activity,
                                                       CommandContext context,
                                                       Function<List<CommandOutcome<ActivityReportState>>, String>
                                                               answer) {
        SessionAccess.requireMayActFor(caller, activity.territory(), activity.actorId());
        return executor.execute(ActivityReportStreams.REPORT, List.of(command.reportId().toString()), context,
                states -> {
                    requireMayActOn(states.get(0));
                    return List.of(command);
                }, answer);
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
