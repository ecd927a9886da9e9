package fr.hubag.servicekit.commands;

import java.util.Map;

/**
 * The HTTP answer to a command, as remembered with its idempotency key so a replay gets it again byte for byte.
 * The kernel stores it as opaque text ({@link Commands#answering}); only this adapter knows it is HTTP.
 */
public record CommandResponse(int status, Map<String, String> headers, String body) {}
