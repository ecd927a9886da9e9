package fr.hubag.eventsourcing.command;

import fr.hubag.eventsourcing.store.EventEnvelope;

import java.util.List;

/** What a command did: the stream, its new version, the state after it and the events it recorded. */
public record CommandOutcome<S>(String streamId, long version, S state, List<EventEnvelope> events) {}
