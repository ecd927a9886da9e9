package fr.hubag.eventsourcing.store;

/**
 * The visibility horizon of a reader of {@code es_events} in commit order (the relay, a service's own feed): only
 * events whose transaction is below it are read, so an event whose transaction commits after a later-numbered one is
 * never passed over. One definition, because the reason it is not simply {@code pg_snapshot_xmin} is easy to lose:
 * only a transaction of this database can append to its {@code es_events}, but transaction ids are shared by the
 * whole cluster and {@code pg_snapshot_xmin} counts every database's, so on a shared PostgreSQL the projection's batch
 * transactions (hundreds of milliseconds after a pause) held every service's relay back with them.
 */
public final class VisibilityHorizon {

    private VisibilityHorizon() {}

    /**
     * A {@code WITH} clause naming {@code horizon(xid)}: the oldest transaction still running in this database (or,
     * if none, the first not yet started) in the statement's snapshot. A running transaction is set aside only when
     * {@code pg_stat_activity} shows it on a backend of another database; one it cannot place (finished since the
     * snapshot, prepared, a background worker's, a backend this role may not see) still holds the horizon. A
     * statement goes on with its query ({@code AND e.tx_id < (SELECT xid FROM horizon)}), or with more named
     * queries after a comma. It also names {@code snapshot} and {@code elsewhere}.
     */
    public static final String WITH = """
            WITH snapshot AS MATERIALIZED (SELECT pg_current_snapshot() AS s),
                 elsewhere AS MATERIALIZED (
                   SELECT backend_xid::text::bigint AS xid FROM pg_stat_activity
                    WHERE backend_xid IS NOT NULL
                      AND datid <> (SELECT oid FROM pg_database WHERE datname = current_database())),
                 horizon AS (
                   SELECT least((SELECT min(x) FROM snapshot, pg_snapshot_xip(snapshot.s) AS x
                                  WHERE x::text::bigint % 4294967296 NOT IN (SELECT xid FROM elsewhere)),
                                (SELECT pg_snapshot_xmax(s) FROM snapshot)) AS xid)
            """;
}
