package fr.hubag.eventsourcing.relay;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What a relay still owes the broker: the events committed after its checkpoint (whether or not their
 * transaction is already below the visibility horizon) and when the oldest of them was recorded. One statement,
 * one snapshot, on the {@code (tx_id, global_position)} index; it takes no lock, so it can be measured while
 * another instance publishes, or while the relay is switched off.
 */
public record RelayBacklog(long events, Instant oldestRecordedAt) {

    public static RelayBacklog measure(DataSource dataSource, String relay) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT count(*), min(e.recorded_at)
                       FROM es_events e
                      WHERE (e.tx_id, e.global_position) >
                            (coalesce((SELECT last_tx_id FROM es_relay_checkpoints WHERE relay = ?), '0'::xid8),
                             coalesce((SELECT last_position FROM es_relay_checkpoints WHERE relay = ?), 0))""")) {
            select.setString(1, relay);
            select.setString(2, relay);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new RelayBacklog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        }
    }
}
