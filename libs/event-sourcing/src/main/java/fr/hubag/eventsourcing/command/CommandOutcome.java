package fr.hubag.eventsourcing.command;

import fr.hubag.eventsourcing.store.NewEvent;

import java.util.List;

/**
 * What a command did to one stream: its version and state after the command, and the events it recorded (none when
 * the command asked for what was already true) — encoded ({@code events}, what is appended) and as the decider
 * decided them ({@code decided}, the stream's event type, in the same order), so that an answer needing an event's
 * fields reads them there rather than decoding what was just encoded. Known before the commit, so the answer to
 * remember for an idempotency key can be built from it and stored in the same statement as the events.
 */
public record CommandOutcome<S>(String streamId, long version, S state, List<NewEvent> events, List<?> decided) {

    public boolean changed() { return !events.isEmpty(); }
}
