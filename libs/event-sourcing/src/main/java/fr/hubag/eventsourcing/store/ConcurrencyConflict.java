package fr.hubag.eventsourcing.store;

/**
 * An append lost a race: the stream is no longer at the version the command was decided on. Nothing was written;
 * the REST layer answers 409 and the client reloads and retries.
 */
public final class ConcurrencyConflict extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflict(String streamId, long expectedVersion, long actualVersion) {
        super("stream " + streamId + " is at version " + actualVersion + ", not " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() { return streamId; }

    public long expectedVersion() { return expectedVersion; }

    public long actualVersion() { return actualVersion; }
}
