package fr.hubag.sessions.infra;

import fr.hubag.eventsourcing.store.VisibilityHorizon;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns committed referral events into deliveries, never a dual write: the command only appends its event; this feed
 * reads the service's own {@code es_events} after a checkpoint, in the relay's order — by (transaction id, position),
 * only transactions older than every one of this database still running (the relay's {@link VisibilityHorizon}), so
 * an event whose transaction commits after a later-numbered one is never passed over, and a transaction of another
 * database on the same server does not hold the feed back — and, in one statement, inserts one delivery per event and
 * active endpoint of the referral's partner and moves the checkpoint. {@code UNIQUE (event_id, endpoint_id)} makes a
 * replay (checkpoint lost or reset, two instances) add nothing. Reading the database rather than the Kafka topic keeps
 * the relay and the broker off the way from a commit to the partner.
 */
@ApplicationScoped
public class WebhookFeed {

    static final String FEED = "referrals";

    private final Pool pool;

    public WebhookFeed(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> start() {
        return pool.query("INSERT INTO webhook_feed_checkpoint (feed) VALUES ('" + FEED + "') ON CONFLICT DO NOTHING")
                .execute().replaceWithVoid();
    }

    /** Reads one batch; the number of events read (0: nothing new). */
    public Uni<Integer> poll() {
        return pool.query(VisibilityHorizon.WITH + """
                , cp AS (
                    SELECT last_tx_id, last_position FROM webhook_feed_checkpoint WHERE feed = 'referrals' FOR UPDATE
                ), batch AS (
                    SELECT e.tx_id, e.global_position, e.event_id, e.event_type, e.stream_id, e.payload,
                           e.occurred_at, e.recorded_at
                      FROM es_events e JOIN es_streams s ON s.stream_id = e.stream_id, cp
                     WHERE (e.tx_id, e.global_position) > (cp.last_tx_id, cp.last_position)
                       AND e.tx_id < (SELECT xid FROM horizon)
                       AND s.stream_type = 'referral'
                     ORDER BY e.tx_id, e.global_position
                     LIMIT 500
                ), created AS (
                    INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, referral_id, body, status,
                                                    attempts, next_attempt_at, committed_at, created_at)
                    SELECT gen_random_uuid(), w.id, b.event_id, b.event_type, b.stream_id::uuid,
                           json_build_object('type', b.event_type,
                                             'timestamp', to_char(b.occurred_at AT TIME ZONE 'UTC',
                                                                  'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                             'data', b.payload)::text,
                           'pending', 0, now(), b.recorded_at, now()
                      FROM batch b JOIN webhook_endpoints w
                        ON w.partner = b.payload ->> 'partner' AND w.status = 'active'
                    ON CONFLICT (event_id, endpoint_id) DO NOTHING
                    RETURNING 1
                ), last AS (
                    SELECT tx_id, global_position FROM batch ORDER BY tx_id DESC, global_position DESC LIMIT 1
                )
                UPDATE webhook_feed_checkpoint c SET last_tx_id = last.tx_id, last_position = last.global_position
                  FROM last WHERE c.feed = 'referrals'
                RETURNING (SELECT count(*) FROM batch), (SELECT count(*) FROM created)""")
                .execute()
                .map(rows -> rows.size() == 0 ? 0 : (int) (long) rows.iterator().next().getLong(0));
    }
}
