package fr.hubag.sessions.infra;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads across referral streams, straight from the kernel's tables (no second copy to keep in step): a partner's
 * referrals in the order they last changed, and the unanswered referrals the expiry job looks at. The partner is the
 * one a stream's first event ({@code ReferralSubmitted}) names; V111 indexes it.
 */
@ApplicationScoped
public class ReferralQueries {

    /** One referral stream and when it last changed (the commit of its last event): the keyset of the list. */
    public record Changed(UUID referralId, OffsetDateTime changedAt) {}

    private final Pool pool;

    public ReferralQueries(Pool pool) {
        this.pool = pool;
    }

    /** The partner's referrals changed at or after {@code since}, after the cursor position, oldest change first. */
    public Uni<List<Changed>> changedFor(String partner, OffsetDateTime since, Changed after, int limit) {
        OffsetDateTime afterAt = after == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : after.changedAt();
        String afterId = after == null ? "" : after.referralId().toString();
        return pool.preparedQuery("""
                        SELECT s.stream_id, s.updated_at FROM es_events e JOIN es_streams s ON s.stream_id = e.stream_id
                        WHERE e.event_type = 'ReferralSubmitted' AND e.payload ->> 'partner' = $1
                          AND s.updated_at >= $2 AND (s.updated_at, s.stream_id) > ($3, $4)
                        ORDER BY s.updated_at, s.stream_id LIMIT $5""")
                .execute(Tuple.of(partner, since, afterAt, afterId, limit))
                .map(rows -> {
                    List<Changed> changed = new ArrayList<>();
                    for (Row row : rows) {
                        changed.add(new Changed(UUID.fromString(row.getString(0)), row.getOffsetDateTime(1)));
                    }
                    return changed;
                });
    }

    /** Referrals of a territory still at their first event (submitted, unanswered), submitted before {@code before}. */
    public Uni<List<UUID>> unansweredBefore(String territory, OffsetDateTime before) {
        return pool.preparedQuery("""
                        SELECT stream_id FROM es_streams
                        WHERE stream_type = 'referral' AND territory = $1 AND version = 1 AND created_at <= $2
                        ORDER BY created_at""")
                .execute(Tuple.of(territory, before))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(UUID.fromString(row.getString(0))));
                    return ids;
                });
    }
}
