package fr.hubag.sessions.application;

import fr.hubag.servicekit.problem.Problem;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.SessionCommand.Presence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One item of a mediator's offline batch, as read from the request: a command recorded on the phone at
 * {@code occurredAt}, named by the phone's own {@code id} (a UUID) — the item's idempotency key — with
 * {@code contentHash} telling a re-sent item from another item under the same id. An item that could not even be
 * read is {@link Unreadable}: refused on its own, the batch's other items still apply.
 */
public sealed interface BatchItem {

    /** The id as the phone sent it (text: an unreadable item may not have a valid one). */
    String id();

    /** The session the item records on, when it names one: later items on it depend on this one. */
    default UUID session() { return null; }

    /** An activity report recorded after the fact (the national tool's compte rendu d'activité). */
    record ReportItem(String id, UUID itemId, Instant occurredAt, Activity activity,
                      ActivityReportCommands.Notes notes, String contentHash) implements BatchItem {}

    /** Attendance (and autonomy) of some participants of a scheduled session; {@code complete} makes it final. */
    record AttendanceItem(String id, UUID itemId, Instant occurredAt, UUID sessionId, List<Presence> participants,
                          boolean complete, String contentHash) implements BatchItem {

        public AttendanceItem {
            participants = List.copyOf(participants);
        }

        @Override
        public UUID session() { return sessionId; }
    }

    /**
     * An item refused before it reached the domain: malformed, or of an unknown type; {@code session} the session
     * it names, if it could be read, so that the later items on that session are not applied without it.
     */
    record Unreadable(String id, UUID session, Problem problem) implements BatchItem {}

    /** What became of one item. */
    enum Status {
        CREATED("created"), ALREADY_RECORDED("already-recorded"), REJECTED("rejected");

        private final String code;

        Status(String code) { this.code = code; }

        public String code() { return code; }
    }

    /**
     * The answer for one item: where its result can be read ({@code location}, the stream version it left) when it
     * was recorded now or before, or the problem that refused it.
     */
    record Result(int index, String id, Status status, String location, Long version, Problem problem) {

        static Result rejected(int index, String id, Problem problem) {
            return new Result(index, id, Status.REJECTED, null, null, problem);
        }
    }
}
