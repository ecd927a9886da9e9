-- Issue 8, as V127 for the actors: the hub-wide vouchers read models are no longer a second copy written for every
-- event. hub.voucher_orders, voucher_ledger, voucher_passes, voucher_booklets, voucher_redemptions,
-- voucher_statements and voucher_refusals become views uniting the four territories' tables (read_model_hub_views,
-- V127), and each event is written once, in the schema of its stream's territory (VouchersProjector).
-- The hub's rows were the union of the territories' by construction: an event goes to one territory's schema and to
-- hub with the same statements, and every key of these tables is written from one stream's events only (an order's
-- rows, its ledger's territories, passes, booklets and redemption months from its order's stream; a statement from
-- its own stream, a refusal from its own), so no hub row merged two territories' rows. Nothing is lost by dropping
-- them. Reads plan an Append of the four branches with their own indexes (V127's header).
-- Every hub schema that still has the tables: hub (generation 0) and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables
              WHERE table_name = 'voucher_orders' AND table_type = 'BASE TABLE'
                AND table_schema ~ '^hub(_vouchers_g[0-9]+)?$'
    LOOP
        EXECUTE format('DROP TABLE %1$I.voucher_orders, %1$I.voucher_ledger, %1$I.voucher_passes, '
                       '%1$I.voucher_booklets, %1$I.voucher_redemptions, %1$I.voucher_statements, '
                       '%1$I.voucher_refusals', s);
        PERFORM read_model_hub_views(s, ARRAY['voucher_orders', 'voucher_ledger', 'voucher_passes',
            'voucher_booklets', 'voucher_redemptions', 'voucher_statements', 'voucher_refusals']);
    END LOOP;
END
$$;
