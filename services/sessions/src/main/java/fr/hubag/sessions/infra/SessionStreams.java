package fr.hubag.sessions.infra;

import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.sessions.domain.SessionCommand;
import fr.hubag.sessions.domain.SessionDecider;
import fr.hubag.sessions.domain.SessionState;

/**
 * How sessions are stored: stream type {@code session}, one stream per session keyed by its id, in the territory it
 * was scheduled in, events under their contract names and versions as {@link SessionEvents} lists them.
 */
public final class SessionStreams {

    public static final EventCodec<SessionEvent> CODEC = EventCodec.of(SessionEvents.CATALOGUE,
            SessionEvent::occurredAt);

    public static final AggregateType<SessionCommand, SessionEvent, SessionState> SESSION = new AggregateType<>(
            "session", new SessionDecider(), CODEC, SessionStreams::territoryOf);

    private SessionStreams() {}

    private static String territoryOf(SessionState state) {
        return switch (state) {
            case SessionState.Scheduled session -> session.territory().name();
            case SessionState.Unscheduled none -> null;
        };
    }
}
