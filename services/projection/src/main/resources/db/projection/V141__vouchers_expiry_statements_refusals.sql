-- Issue 12, the rest of the vouchers read models (V140): expired passes and credit notes (PassExpired, OrderExpired),
-- the per-actor settlements (StatementIssued, StatementPaid: voucher_statements, already in V140) and refusals by
-- reason (RedemptionRefused). Rebuilt by replay like the rest; after deploying, `./hub rebuild vouchers` applies the
-- events of these types published before (the consumer skipped them). A generation already built from V140's
-- tables (schemas <base>_vouchers_g<n>) gets the same changes, so that it keeps serving until then.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT unnest(ARRAY['gp', 'gf', 'mq', 'mf', 'hub'])
             UNION ALL
             SELECT nspname::text FROM pg_namespace WHERE nspname ~ '^(gp|gf|mq|mf|hub)_vouchers_g[0-9]+$' LOOP
        -- A pass expires once (PassExpired's upsert is guarded by it): the ledger's passes_expired and expired_cents
        -- move only when this flips, in the order's territory.
        EXECUTE format('ALTER TABLE %I.voucher_passes ADD COLUMN expired boolean NOT NULL DEFAULT false', s);

        -- The credit note (OrderExpired): when, and its reconciliation as the event gives it (passes and cents
        -- ordered, distributed, redeemed, expired, expired undistributed; fee, paid, credited). Set, not added.
        EXECUTE format('ALTER TABLE %I.voucher_orders ADD COLUMN expired_at timestamptz, '
                       'ADD COLUMN reconciliation jsonb', s);

        -- The staff's statements listing, newest month first (a mediator's: the actor_id index of V140).
        EXECUTE format('CREATE INDEX ON %I.voucher_statements (month DESC, statement_id DESC)', s);

        -- One row per refused redemption (RedemptionRefused: its own stream, in the order's territory, else the
        -- actor's), counted by reason per order and per territory when read. territory: the actor's, else the
        -- order's (an actor the census does not know). order_id null: the code led to no order (mistyped, unknown);
        -- those count in the territory's and hub's figures only. Never the code, never a beneficiary.
        EXECUTE format($t$
            CREATE TABLE %I.voucher_refusals (
                refusal_id uuid        PRIMARY KEY,
                order_id   uuid,
                territory  text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                reason     text        NOT NULL,
                refused_at timestamptz NOT NULL
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.voucher_refusals (order_id, reason)', s);
        EXECUTE format('CREATE INDEX ON %I.voucher_refusals (territory, reason)', s);
    END LOOP;
END
$$;
