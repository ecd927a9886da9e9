package fr.hubag.eventsourcing.relay;

import java.time.Duration;

/**
 * How a service's relay publishes: to which topic, as which CloudEvents source, in batches of what size, polling
 * how often when idle.
 */
public record RelaySettings(String name, String topic, String service, int batchSize, Duration idlePoll) {}
