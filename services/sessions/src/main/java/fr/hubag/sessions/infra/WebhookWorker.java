package fr.hubag.sessions.infra;

import fr.hubag.sessions.config.WebhookSettings;
import fr.hubag.webhooks.Attempt;
import fr.hubag.webhooks.RetrySchedule;
import fr.hubag.webhooks.WebhookMessage;
import fr.hubag.webhooks.WebhookSecret;
import fr.hubag.webhooks.WebhookSender;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries. Each is first <em>claimed</em> (its next attempt pushed a minute ahead, rows locked with SKIP
 * LOCKED), so two instances or two ticks never send it at once and a crash mid-send retries it a minute later; then
 * one attempt with the library's {@link WebhookSender}, signed with the endpoint's secret and, during a rotation, the
 * previous one too; then, in one transaction, the attempt's log line and the delivery's fate: delivered; retried on
 * {@link RetrySchedule} (never before the receiver's Retry-After); failed with its endpoint disabled after the last
 * attempt or on 410 Gone. Set-based SQL on the Panache entities' tables: a claim must be one statement.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final int BATCH = 32;

    private final Pool pool;
    private final WebhookSecretBox box;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Clock clock = Clock.systemUTC();

    public WebhookWorker(Pool pool, WebhookSettings settings, WebhookSecretBox box) {
        this.pool = pool;
        this.box = box;
        this.sender = new WebhookSender(settings.connectTimeout(), settings.timeout(), clock, "hubag-webhooks/1");
        this.schedule = settings.retrySchedule();
    }

    private record Claimed(UUID deliveryId, UUID eventId, String type, String body, int attempts, UUID endpointId,
                           URI url, List<WebhookSecret> secrets) {}

    /** Sends what is due now; the number of attempts made. */
    public Uni<Integer> sendDue() {
        return claim().chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndMerge(this::attempt)
                .collect().asList().map(List::size));
    }

    private Uni<List<Claimed>> claim() {
        return pool.query("""
                UPDATE webhook_deliveries d SET next_attempt_at = now() + interval '60 seconds'
                  FROM webhook_endpoints w
                 WHERE w.id = d.endpoint_id AND d.id IN (
                       SELECT d2.id FROM webhook_deliveries d2 JOIN webhook_endpoints w2 ON w2.id = d2.endpoint_id
                        WHERE d2.status = 'pending' AND d2.next_attempt_at <= now() AND w2.status = 'active'
                        ORDER BY d2.next_attempt_at LIMIT %d FOR UPDATE OF d2 SKIP LOCKED)
                RETURNING d.id, d.event_id, d.event_type, d.body, d.attempts, w.id, w.url, w.secret,
                          w.previous_secret, w.previous_secret_until""".formatted(BATCH))
                .execute().map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    Instant now = clock.instant();
                    for (Row row : rows) {
                        List<WebhookSecret> secrets = new ArrayList<>();
                        UUID endpoint = row.getUUID(5);
                        secrets.add(box.open(endpoint, row.getString(7)));
                        OffsetDateTime until = row.getOffsetDateTime(9);
                        if (row.getString(8) != null && until != null && until.toInstant().isAfter(now)) {
                            secrets.add(box.open(endpoint, row.getString(8)));
                        }
                        claimed.add(new Claimed(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3),
                                row.getInteger(4), endpoint, URI.create(row.getString(6)), secrets));
                    }
                    return claimed;
                });
    }

    private Uni<Void> attempt(Claimed delivery) {
        WebhookMessage message = WebhookMessage.forEvent(delivery.eventId(), delivery.type(),
                delivery.body().getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().completionStage(() -> sender.send(delivery.url(), message, delivery.secrets()))
                .chain(attempt -> record(delivery, attempt));
    }

    private Uni<Void> record(Claimed delivery, Attempt attempt) {
        int made = delivery.attempts() + 1;
        DeliveryFate fate = DeliveryFate.after(made, attempt, schedule, ThreadLocalRandom.current());
        String disable = fate.disableEndpoint();
        OffsetDateTime at = attempt.at().atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO webhook_attempts (delivery_id, at, status, latency_ms, error, outcome)
                        VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(delivery.deliveryId(), at, attempt.status(), attempt.latency().toNanos() / 1e6,
                        attempt.error(), attempt.outcome().name().toLowerCase(java.util.Locale.ROOT)))
                .chain(() -> tx.preparedQuery("""
                                UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4,
                                       delivered_at = CASE WHEN $2 = 'delivered' THEN $5 ELSE delivered_at END
                                 WHERE id = $1""")
                        .execute(Tuple.of(delivery.deliveryId(), fate.status(), made,
                                fate.nextAttemptAt().atOffset(ZoneOffset.UTC), at)))
                .chain(() -> disable == null ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                                UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = $2, updated_at = now()
                                 WHERE id = $1 AND status = 'active'""")
                        .execute(Tuple.of(delivery.endpointId(), disable)).invoke(() -> LOG.infof(
                                "webhook endpoint %s disabled (%s)", delivery.endpointId(), disable))
                        .replaceWithVoid())
                .replaceWithVoid());
    }
}
