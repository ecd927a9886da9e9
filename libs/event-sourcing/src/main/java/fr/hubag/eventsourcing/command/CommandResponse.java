package fr.hubag.eventsourcing.command;

import java.util.Map;

/**
 * The HTTP answer to a command, as stored with its idempotency key so a replay gets it again byte for byte.
 */
public record CommandResponse(int status, Map<String, String> headers, String body) {}
