-- Issue 12: the vouchers read models, per territory (gp, gf, mq, mf) and hub-wide (hub), built from vouchers.events
-- by the consumer projection.vouchers (generation 0; rebuilt by replay, never by migrating data). An order and its
-- passes are applied to the schema of the order's territory (its stream's: the perimeter's first) and to hub.
-- Counts and amounts in integer cents only: no pass code, no beneficiary id. Table names are unique across read
-- models: the serving generation is looked up by table name.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['gp', 'gf', 'mq', 'mf', 'hub'] LOOP
        -- One row per order, from OrderQuoted (fixed at the quote), then its activation and late distribution.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_orders (
                order_id              uuid        PRIMARY KEY,
                funder_id             text        NOT NULL,
                territory             text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                perimeter_territories text[]      NOT NULL,
                perimeter_communes    text[]      NOT NULL DEFAULT '{}',
                booklets              integer     NOT NULL,
                passes_per_booklet    integer     NOT NULL,
                face_value_cents      bigint      NOT NULL,
                face_total_cents      bigint      NOT NULL,
                fee_basis_points      integer     NOT NULL,
                fee_cents             bigint      NOT NULL,
                total_cents           bigint      NOT NULL,
                valid_until           date        NOT NULL,
                accepted_until        date        NOT NULL,
                programme_id          text,
                quoted_at             timestamptz NOT NULL,
                activated_at          timestamptz,
                late_distribution_confirmed boolean NOT NULL DEFAULT false
            )$t$, s);
        -- the listings' keyset orders, newest first: a funder's orders, and every order for staff
        EXECUTE format('CREATE INDEX ON %I.voucher_orders (funder_id, quoted_at DESC, order_id DESC)', s);
        EXECUTE format('CREATE INDEX ON %I.voucher_orders (quoted_at DESC, order_id DESC)', s);

        -- The ledger, per order and territory: issued and distributed count in the order's territory, redemptions
        -- and booklets started (a first pass of the booklet redeemed) in the territory of the redeeming actor, so
        -- that the rows of an order add up to its totals. Every counter moves only when a pass's state changes
        -- (voucher_passes), so an event applied twice counts once. The expiry columns are filled by the expiry
        -- events (passes expired, credit notes) once they are on the topic.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_ledger (
                order_id             uuid    NOT NULL,
                territory            text    NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                booklets_issued      integer NOT NULL DEFAULT 0,
                passes_issued        integer NOT NULL DEFAULT 0,
                issued_cents         bigint  NOT NULL DEFAULT 0,
                booklets_distributed integer NOT NULL DEFAULT 0,
                passes_distributed   integer NOT NULL DEFAULT 0,
                booklets_started     integer NOT NULL DEFAULT 0,
                passes_redeemed      integer NOT NULL DEFAULT 0,
                redeemed_cents       bigint  NOT NULL DEFAULT 0,
                passes_expired       integer NOT NULL DEFAULT 0,
                expired_cents        bigint  NOT NULL DEFAULT 0,
                credited_cents       bigint  NOT NULL DEFAULT 0,
                PRIMARY KEY (order_id, territory)
            )$t$, s);

        -- Each pass's state as far as the counters care: whether it was distributed, when it was redeemed.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_passes (
                pass_id     uuid    PRIMARY KEY,
                order_id    uuid    NOT NULL,
                booklet     integer,
                distributed boolean NOT NULL DEFAULT false,
                redeemed_on date,
                actor_id    uuid
            )$t$, s);

        -- Each booklet's passes distributed and redeemed: a booklet is distributed (started) with its first pass.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_booklets (
                order_id    uuid    NOT NULL,
                booklet     integer NOT NULL,
                distributed integer NOT NULL DEFAULT 0,
                redeemed    integer NOT NULL DEFAULT 0,
                PRIMARY KEY (order_id, booklet)
            )$t$, s);

        -- Redemptions of an order by month (the local redeemedOn date of the actor's zone), actor and commune.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_redemptions (
                order_id  uuid    NOT NULL,
                month     date    NOT NULL CHECK (extract(day FROM month) = 1),
                actor_id  uuid    NOT NULL,
                commune   text    NOT NULL,
                territory text    NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                passes    integer NOT NULL,
                cents     bigint  NOT NULL,
                PRIMARY KEY (order_id, month, actor_id, commune)
            )$t$, s);

        -- Room for the monthly settlement per actor (StatementIssued, StatementPaid), filled once those events are
        -- on the topic; nothing writes it yet.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_statements (
                statement_id   uuid        PRIMARY KEY,
                actor_id       uuid        NOT NULL,
                territory      text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                month          date        NOT NULL,
                passes         integer     NOT NULL,
                amount_cents   bigint      NOT NULL,
                issued_at      timestamptz NOT NULL,
                paid_at        timestamptz,
                paid_reference text
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.voucher_statements (actor_id, month)', s);
    END LOOP;
END
$$;

INSERT INTO read_model_generations (read_model, serving) VALUES ('vouchers', 0) ON CONFLICT DO NOTHING;
