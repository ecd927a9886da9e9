package fr.hubag.sessions.api;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Offline batches as a mediator's phone builds them, and the counts of what the store holds. */
final class BatchesTestSupport {

    static final String BATCHES = "/api/sessions/batches";

    private BatchesTestSupport() {}

    /** An hour ago in Cayenne, as the phone's clock writes it. */
    static String anHourAgo() {
        return OffsetDateTime.now(ZoneOffset.ofHours(-3)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String reportItem(UUID id, String occurredAt, String report) {
        return """
                {"id": "%s", "type": "activity-report", "occurredAt": "%s", "report": %s}"""
                .formatted(id, occurredAt, report);
    }

    static String attendanceItem(UUID id, String occurredAt, String sessionId, String attendance) {
        return """
                {"id": "%s", "type": "attendance", "occurredAt": "%s", "sessionId": "%s", "attendance": %s}"""
                .formatted(id, occurredAt, sessionId, attendance);
    }

    static String batch(String... items) {
        return Arrays.stream(items).collect(Collectors.joining(",\n", "{\"items\": [", "]}"));
    }

    static long events(Pool pool) {
        return pool.query("SELECT count(*) FROM es_events").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** Events recorded under one offline item's key (the kernel keeps the key in each event's metadata). */
    static long eventsOfItem(Pool pool, UUID itemId) {
        return pool.preparedQuery("SELECT count(*) FROM es_events WHERE metadata->>'idempotencyKey' = $1")
                .execute(Tuple.of("offline:" + itemId)).await().indefinitely().iterator().next().getLong(0);
    }
}
