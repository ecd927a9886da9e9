package fr.hubag.eventsourcing.store;

import java.util.List;

/** What an append wrote: the stream's new version and the stored envelopes (with their global positions). */
public record AppendResult(String streamId, long newVersion, List<EventEnvelope> events) {}
