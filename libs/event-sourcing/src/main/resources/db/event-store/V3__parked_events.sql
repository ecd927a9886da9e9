-- Poison events (docs/event-sourcing.md, "Parked events"): an event a consumer could not apply after its retries is
-- parked here with its error, and so is every later event of the same stream while one is parked (order within a
-- stream is kept), so that every other stream carries on. Rows leave when the event is re-applied (or discarded);
-- until then the consumer's checkpoint is past them, so they are not read from Kafka again.
CREATE TABLE es_parked_events (
    consumer       text        NOT NULL,
    event_id       uuid        NOT NULL,
    stream_id      text        NOT NULL,
    topic          text        NOT NULL,
    kafka_partition integer    NOT NULL,
    kafka_offset   bigint      NOT NULL,
    event_type     text        NOT NULL,
    schema_version integer     NOT NULL,
    territory      text,
    stream_version bigint      NOT NULL,
    correlation_id text,
    recorded_at    timestamptz,
    payload        bytea       NOT NULL,
    error          text        NOT NULL,
    attempts       integer     NOT NULL,
    parked_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
-- "is this stream parked?" on every poll, and a stream's parked events in order
CREATE INDEX es_parked_events_stream ON es_parked_events (consumer, stream_id, topic, kafka_partition, kafka_offset);
