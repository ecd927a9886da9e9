package fr.hubag.sessions.api;

import fr.hubag.sessions.domain.SessionState;

import java.util.UUID;

/**
 * The answer to an enrolment: whether the beneficiary has a seat ({@code enrolled}) or waits ({@code waiting}, at
 * {@code waitingPosition}), and the seats left — so each of many simultaneous callers learns which, without a retry.
 */
public record EnrolmentView(UUID sessionId, UUID beneficiaryId, String status, Integer waitingPosition,
                            int seatsLeft, long version) {

    static EnrolmentView of(SessionState.Scheduled session, UUID beneficiaryId, long version) {
        Integer position = session.waitingPosition(beneficiaryId).orElse(null);
        return new EnrolmentView(session.sessionId(), beneficiaryId, position == null ? "enrolled" : "waiting",
                position, session.seatsLeft(), version);
    }
}
