-- The event-sourcing kernel's tables (docs/event-sourcing.md). Every service database gets them through
-- Flyway location classpath:db/event-store; service migrations use versions 100 and up.

-- One row per aggregate: its type, territory and current version (the optimistic-concurrency token).
CREATE TABLE es_streams (
    stream_id   text        PRIMARY KEY,
    stream_type text        NOT NULL,
    territory   text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
    version     bigint      NOT NULL CHECK (version > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Append-only log. global_position orders all events of the service; (stream_id, stream_version) is unique, so
-- two writers can never both write version n of a stream. tx_id is the writing transaction's id: the relay uses
-- it with pg_snapshot_xmin() to publish only what no in-flight transaction can still precede.
CREATE TABLE es_events (
    global_position bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    stream_id       text        NOT NULL REFERENCES es_streams (stream_id),
    stream_version  bigint      NOT NULL CHECK (stream_version > 0),
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL CHECK (schema_version > 0),
    payload         jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, stream_version)
);
CREATE INDEX es_events_relay_order ON es_events (tx_id, global_position);

-- Where each relay stopped: the (tx_id, global_position) of the last event the broker acknowledged.
CREATE TABLE es_relay_checkpoints (
    relay          text        PRIMARY KEY,
    last_tx_id     xid8        NOT NULL DEFAULT '0',
    last_position  bigint      NOT NULL DEFAULT 0,
    published      bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Commands already answered, by (caller, Idempotency-Key): a replay with the same request gets the same response.
CREATE TABLE es_idempotency_keys (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    status          integer     NOT NULL,
    headers         jsonb       NOT NULL DEFAULT '{}',
    body            text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);

-- Consumers: which events a consumer has already applied (by event id), and how far it read each partition.
-- Both are written in the transaction of the effect they record.
CREATE TABLE es_processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE es_consumer_checkpoints (
    consumer    text        NOT NULL,
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition)
);
