-- Partners' webhooks: subscriptions, deliveries and attempts are not domain facts, so ordinary tables (Panache).
-- An endpoint of a partner (its token subject) with its signing secret; during a rotation the previous secret still
-- signs until previous_secret_until.
CREATE TABLE webhook_endpoints (
    id                    uuid PRIMARY KEY,
    partner               text        NOT NULL,
    url                   text        NOT NULL,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        NOT NULL CHECK (status IN ('active', 'disabled', 'deleted')),
    disabled_reason       text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_partner ON webhook_endpoints (partner, status);

-- One delivery per (event, endpoint): a replayed event adds nothing. body is the message exactly as signed.
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id),
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    referral_id     uuid        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    committed_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    CONSTRAINT webhook_deliveries_once UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, created_at);

-- Each attempt: the line of the delivery log the partner reads.
CREATE TABLE webhook_attempts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id uuid        NOT NULL REFERENCES webhook_deliveries (id),
    at          timestamptz NOT NULL,
    status      integer     NOT NULL,
    latency_ms  double precision NOT NULL,
    error       text,
    outcome     text        NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, at);

-- How far the webhook feed has read the service's own committed events, in the relay's order (tx_id, position).
CREATE TABLE webhook_feed_checkpoint (
    feed          text PRIMARY KEY,
    last_tx_id    xid8   NOT NULL DEFAULT '0',
    last_position bigint NOT NULL DEFAULT 0
);
