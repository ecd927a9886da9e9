package fr.hubag.eventsourcing.relay;

import fr.hubag.eventsourcing.KernelFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay reads every round, so its read must stay a walk along {@code es_events_relay_order} from the checkpoint,
 * whatever columns it shares with the event store: checked on the plan of 200 000 events of 20 000 streams.
 */
class EventRelayPlanTest {

    @Test
    void theRelaysReadWalksTheRelayOrderIndexFromTheCheckpoint() throws Exception {
        try (KernelFixture db = new KernelFixture(); Connection c = db.dataSource.getConnection();
             Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO es_streams (stream_id, stream_type, territory, version)
                    SELECT 's' || i, 'test', 'GF', 10 FROM generate_series(1, 20000) i""");
            s.execute("""
                    INSERT INTO es_events (event_id, stream_id, stream_version, event_type, schema_version, payload,
                                           occurred_at)
                    SELECT gen_random_uuid(), 's' || (i % 20000 + 1), i / 20000 + 1, 'Numbered', 1, '{"n": 1}', now()
                      FROM generate_series(0, 199999) i""");
            s.execute("ANALYZE es_events; ANALYZE es_streams");
            String txId;
            try (ResultSet rs = s.executeQuery("SELECT min(tx_id)::text FROM es_events")) {
                rs.next();
                txId = rs.getString(1);
            }
            String read = EventRelay.COMMITTED_AFTER.replaceFirst("\\?::xid8", "'" + txId + "'::xid8")
                    .replaceFirst("\\?", "100").replaceFirst("\\?", "100");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + read)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("Index Scan using es_events_relay_order on es_events e")
                    .doesNotContain("Seq Scan on es_events").doesNotContain("Sort");
        }
    }
}
