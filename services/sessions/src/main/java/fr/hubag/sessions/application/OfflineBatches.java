package fr.hubag.sessions.application;

import fr.hubag.domain.CommandRejected;
import fr.hubag.eventsourcing.command.CommandContext;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.eventsourcing.command.IdempotencyKeyReused;
import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.servicekit.problem.FieldError;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.ProblemMappers;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.OutsideTerritory;
import fr.hubag.sessions.application.BatchItem.AttendanceItem;
import fr.hubag.sessions.application.BatchItem.ReportItem;
import fr.hubag.sessions.application.BatchItem.Result;
import fr.hubag.sessions.application.BatchItem.Status;
import fr.hubag.sessions.application.BatchItem.Unreadable;
import fr.hubag.sessions.domain.ActivityReportCommand.RecordActivity;
import fr.hubag.sessions.domain.SessionCommand.RecordAttendance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A mediator's offline batch, applied item after item in the phone's order. Each item is one ordinary command of
 * the sessions (the same access rules, deciders and kernel as the single endpoints) whose idempotency key is the
 * item's own id, scoped to the caller: an item applied before — by an earlier send whose answer was lost, or by a
 * concurrent re-send — is replayed, never appended again, and a refused item stores nothing. One refused item does
 * not stop the others, except the later items on the same session, which were recorded on the phone after it.
 * Items keep their own time: a command's time is the item's {@code occurredAt} (the store adds when it was
 * recorded), bounded so that a phone with a wrong clock cannot date facts at will.
 */
@ApplicationScoped
public class OfflineBatches {

    /** The most items of one batch: a day of a busy place, well within one request's time and body limits. */
    public static final int MAX_ITEMS = 200;
    /** How far ahead of the server a phone's clock may be (clocks drift; more is a wrong clock). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How old an item may be: weeks offline up the rivers of Guyane fit; older means a reset clock. */
    public static final Duration MAX_AGE = Duration.ofDays(365);

    static final String KEY_PREFIX = "offline:";

    private final ActivityReportCommands reports;
    private final SessionCommands sessions;
    private final Caller caller;

    public OfflineBatches(ActivityReportCommands reports, SessionCommands sessions, Caller caller) {
        this.reports = reports;
        this.sessions = sessions;
        this.caller = caller;
    }

    /** Where and by whom a batch was sent: the correlation of its commands, {@code now} its reception. */
    public record Sending(String correlationId, String requestId, Instant now) {}

    /** Applies the items in order; fails as a whole only when the store itself fails (a re-send is then safe). */
    public Uni<List<Result>> apply(List<BatchItem> items, Sending sending) {
        Set<UUID> refusedSessions = new HashSet<>();
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUniAndConcatenate(index -> {
                    BatchItem item = items.get(index);
                    Uni<Result> result = item.session() != null && refusedSessions.contains(item.session())
                            ? refused(index, item, dependsOnRefused(item.session())) : one(index, item, sending);
                    return result.invoke(done -> {
                        if (done.status() == Status.REJECTED && item.session() != null) {
                            refusedSessions.add(item.session());
                        }
                    });
                })
                .collect().asList();
    }

    private Uni<Result> one(int index, BatchItem item, Sending sending) {
        return switch (item) {
            case Unreadable unreadable -> refused(index, item, unreadable.problem());
            case ReportItem report when untimely(report.occurredAt(), sending.now()) != null ->
                    refused(index, item, untimely(report.occurredAt(), sending.now()));
            case AttendanceItem attendance when untimely(attendance.occurredAt(), sending.now()) != null ->
                    refused(index, item, untimely(attendance.occurredAt(), sending.now()));
            case ReportItem report -> {
                UUID reportId = reportId(report.itemId());
                RecordActivity command = new RecordActivity(reportId, report.activity(), report.occurredAt());
                yield run(index, report.id(), "report.", () -> reports.run(command, report.activity(), report.notes(),
                        context(sending, report.itemId(), report.contentHash()),
                        located("/api/sessions/activity-reports/" + reportId)));
            }
            case AttendanceItem attendance -> run(index, attendance.id(), "attendance.", () -> sessions.onSession(
                    new RecordAttendance(attendance.sessionId(), attendance.participants(), attendance.complete(),
                            attendance.occurredAt()),
                    context(sending, attendance.itemId(), attendance.contentHash()),
                    located("/api/sessions/" + attendance.sessionId())));
        };
    }

    private static Uni<Result> refused(int index, BatchItem item, Problem problem) {
        return Uni.createFrom().item(Result.rejected(index, item.id(), problem));
    }

    /** Why an item's time cannot be taken as it is, or null. */
    private static Problem untimely(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            return unprocessable("occurred-in-future", "occurredAt " + occurredAt + " is after the server's time "
                    + now + " by more than " + CLOCK_SKEW.toMinutes() + " minutes: check the phone's clock");
        }
        if (occurredAt.isBefore(now.minus(MAX_AGE))) {
            return unprocessable("occurred-too-long-ago", "occurredAt " + occurredAt + " is more than "
                    + MAX_AGE.toDays() + " days ago: check the phone's clock, or record the activity through its "
                    + "own endpoint");
        }
        return null;
    }

    /** The report an item records: derived from the caller and the item's id, so no one can aim at another stream. */
    private UUID reportId(UUID itemId) {
        return UUID.nameUUIDFromBytes(("activity-report:" + caller.subject() + ":" + itemId)
                .getBytes(StandardCharsets.UTF_8));
    }

    private CommandContext context(Sending sending, UUID itemId, String contentHash) {
        return new CommandContext(sending.correlationId(), sending.requestId(), caller.subject(),
                KEY_PREFIX + itemId, contentHash, OptionalLong.empty());
    }

    /** The answer remembered with the item's key: where its result is, at which version. */
    private static <S> Function<List<CommandOutcome<S>>, String> located(String location) {
        return outcomes -> new JsonObject().put("location", location).put("version", outcomes.get(0).version())
                .encode();
    }

    /** Runs an item's command; a refusal of this item alone (access, key reused, the domain) is its result. */
    private static <S> Uni<Result> run(int index, String id, String body,
                                       Supplier<Uni<CommandResult<S>>> command) {
        return Uni.createFrom().<CommandResult<S>>deferred(command::get).map(result -> switch (result) {
                    case CommandResult.Decided<S> decided -> {
                        JsonObject answer = new JsonObject(decided.answer());
                        yield new Result(index, id, decided.changed() ? Status.CREATED : Status.ALREADY_RECORDED,
                                answer.getString("location"), answer.getLong("version"), null);
                    }
                    case CommandResult.Replayed<S> replayed -> {
                        JsonObject answer = new JsonObject(replayed.answer());
                        yield new Result(index, id, Status.ALREADY_RECORDED, answer.getString("location"),
                                answer.getLong("version"), null);
                    }
                    case CommandResult.Rejected<S> rejected ->
                            Result.rejected(index, id, refusal(rejected.rejection(), body));
                })
                .onFailure(failure -> refusal(failure, body) != null)
                .recoverWithItem(failure -> Result.rejected(index, id, refusal(failure, body)));
    }

    /**
     * The problem of a failure that concerns the item alone, or null for a failure of the service; a rule's field
     * is named within the item ({@code report.date}).
     */
    private static Problem refusal(Throwable failure, String body) {
        return switch (failure) {
            case CommandRejected rejected -> ProblemMappers.problem(rejected.field() == null ? rejected
                    : new CommandRejected(rejected.kind(), rejected.code(), body + rejected.field(),
                            rejected.getMessage()));
            case IdempotencyKeyReused reused -> Problem.of(Response.Status.CONFLICT, "idempotency-key-reused",
                    "an item with this id was recorded with other content: a new item needs a new id")
                    .withErrors(List.of(new FieldError("id", "already used for another item")));
            case OutsideTerritory outside -> Problem.of(Response.Status.FORBIDDEN, "outside-territory",
                    outside.getMessage());
            case ForbiddenException forbidden -> Problem.of(Response.Status.FORBIDDEN, "forbidden-actor",
                    forbidden.getMessage());
            case ConcurrencyConflict conflict -> Problem.of(Response.Status.CONFLICT, "concurrent-modification",
                    conflict.getMessage() + "; send the batch again");
            default -> null;
        };
    }

    /** Why a later item on a session is not applied: an earlier item of the batch on that session was refused. */
    static Problem dependsOnRefused(UUID sessionId) {
        return Problem.of(424, "Failed Dependency", "earlier-item-rejected", "an earlier item of this batch on "
                + "session " + sessionId + " was rejected; this one was recorded after it, so it is not applied "
                + "either: send both again once the first is fixed")
                .withErrors(List.of(new FieldError("sessionId", "an earlier item on this session was rejected")));
    }

    private static Problem unprocessable(String code, String detail) {
        return Problem.of(422, "Unprocessable Content", code, detail)
                .withErrors(List.of(new FieldError("occurredAt", detail)));
    }
}
