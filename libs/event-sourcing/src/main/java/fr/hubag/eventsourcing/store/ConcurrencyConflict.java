package fr.hubag.eventsourcing.store;

/**
 * An append lost a race: the stream is no longer at the version the command was decided on. Nothing was written;
 * a command sent without an expected version is decided again on the new state; one sent with {@code If-Match}
 * gets a 409 and its client reloads.
 */
public final class ConcurrencyConflict extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflict(String streamId, long expectedVersion, long actualVersion) {
        super(actualVersion < 0
                ? "stream " + streamId + " was changed by another writer since version " + expectedVersion
                : "stream " + streamId + " is at version " + actualVersion + ", not " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() { return streamId; }

    public long expectedVersion() { return expectedVersion; }

    public long actualVersion() { return actualVersion; }
}
