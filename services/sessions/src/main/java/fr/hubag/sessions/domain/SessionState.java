package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.Attendance;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.SessionCommand.Presence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** A session as its events make it: not yet scheduled, or scheduled (then perhaps cancelled or completed). */
public sealed interface SessionState {

    record Unscheduled() implements SessionState {}

    enum Status { SCHEDULED, CANCELLED, COMPLETED }

    /**
     * A scheduled session: its seats ({@code enrolled}, in order of enrolment), its waiting list (first = next to be
     * promoted) and the attendance recorded so far, by beneficiary.
     */
    record Scheduled(UUID sessionId, Territory territory, UUID actorId, Plan plan, LocalDateTime localStart,
                     ZoneId zone, Instant startsAt, int durationMinutes, int capacity, Status status,
                     List<UUID> enrolled, List<UUID> waiting, Map<UUID, Presence> attendance)
            implements SessionState {

        public Scheduled {
            enrolled = List.copyOf(enrolled);
            waiting = List.copyOf(waiting);
            attendance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attendance));
        }

        public int seatsLeft() { return Math.max(0, capacity - enrolled.size()); }

        public boolean participates(UUID beneficiaryId) {
            return enrolled.contains(beneficiaryId) || waiting.contains(beneficiaryId);
        }

        /** The position on the waiting list, from 1, if the beneficiary waits. */
        public Optional<Integer> waitingPosition(UUID beneficiaryId) {
            int index = waiting.indexOf(beneficiaryId);
            return index < 0 ? Optional.empty() : Optional.of(index + 1);
        }

        public long seen() {
            return attendance.values().stream().filter(p -> p.attendance() == Attendance.SEEN).count();
        }

        Scheduled withStart(LocalDateTime newLocalStart, Instant newStartsAt, int newDuration) {
            return new Scheduled(sessionId, territory, actorId, plan, newLocalStart, zone, newStartsAt, newDuration,
                    capacity, status, enrolled, waiting, attendance);
        }

        Scheduled withStatus(Status newStatus) {
            return new Scheduled(sessionId, territory, actorId, plan, localStart, zone, startsAt, durationMinutes,
                    capacity, newStatus, enrolled, waiting, attendance);
        }

        Scheduled withSeats(Consumer<List<UUID>> changeEnrolled, Consumer<List<UUID>> changeWaiting) {
            List<UUID> seats = new ArrayList<>(enrolled);
            List<UUID> queue = new ArrayList<>(waiting);
            changeEnrolled.accept(seats);
            changeWaiting.accept(queue);
            return new Scheduled(sessionId, territory, actorId, plan, localStart, zone, startsAt, durationMinutes,
                    capacity, status, seats, queue, attendance);
        }

        Scheduled withPresence(Presence presence) {
            Map<UUID, Presence> recorded = new LinkedHashMap<>(attendance);
            recorded.put(presence.beneficiaryId(), presence);
            return new Scheduled(sessionId, territory, actorId, plan, localStart, zone, startsAt, durationMinutes,
                    capacity, status, enrolled, waiting, recorded);
        }
    }
}
