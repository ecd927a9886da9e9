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
 * transaction is already below the visibility horizon, counted up to {@link #COUNT_CAP}) and when the next one
 * to publish was recorded. It takes no lock, so it can be measured while another instance publishes, or while the
 * relay is switched off.
 *
 * <p>The checkpoint is read first and passed as parameters, so each statement is planned with its values and walks
 * the {@code (tx_id, global_position)} index from there: with the checkpoint read in a sub-query the planner
 * cannot tell how much lies past it and scanned the whole of {@code es_events} every second (200 ms of CPU at
 * 300 000 events, growing with the history).
 */
public record RelayBacklog(long events, Instant oldestRecordedAt) {

    /** Past this many unpublished events the gauge says "at least this many", so measuring stays bounded. */
    public static final int COUNT_CAP = 1_000_000;

    public static RelayBacklog measure(DataSource dataSource, String relay) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for the three
            try {
                RelayBacklog backlog = measure(connection, relay);
                connection.commit();
                return backlog;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    private static RelayBacklog measure(Connection connection, String relay) throws SQLException {
        String txId = "0";
        long position = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_tx_id::text, last_position FROM es_relay_checkpoints WHERE relay = ?")) {
            select.setString(1, relay);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    txId = rs.getString(1);
                    position = rs.getLong(2);
                }
            }
        }
        long events;
        try (PreparedStatement count = connection.prepareStatement("""
                SELECT count(*) FROM (SELECT 1 FROM es_events
                                       WHERE (tx_id, global_position) > (?::xid8, ?) LIMIT ?) past""")) {
            count.setString(1, txId);
            count.setLong(2, position);
            count.setInt(3, COUNT_CAP);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                events = rs.getLong(1);
            }
        }
        if (events == 0) {
            return new RelayBacklog(0, null);
        }
        try (PreparedStatement next = connection.prepareStatement("""
                SELECT recorded_at FROM es_events WHERE (tx_id, global_position) > (?::xid8, ?)
                 ORDER BY tx_id, global_position LIMIT 1""")) {
            next.setString(1, txId);
            next.setLong(2, position);
            try (ResultSet rs = next.executeQuery()) {
                Timestamp oldest = rs.next() ? rs.getTimestamp(1) : null;
                return new RelayBacklog(events, oldest == null ? null : oldest.toInstant());
            }
        }
    }
}
