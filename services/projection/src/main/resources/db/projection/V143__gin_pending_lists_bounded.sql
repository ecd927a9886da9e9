-- Issue 8 (staleness at 550 events/s): every GIN index of the read models keeps a pending list of 256 kB rather than
-- PostgreSQL's 4 MB. With fastupdate on (the default) a GIN index takes new entries into that list, and the insert
-- that fills it merges the whole list into the index, inside the projector's transaction. At 550 registrations/s the
-- eight GIN indexes of a territory's places filled a 4 MB list every few seconds; each merge kept one poll's insert
-- busy for 100-300 ms (pg_stat_activity sampled every 20 ms: "INSERT INTO mq.places", active, no wait event), and
-- every event behind it waited: p99 from commit to visible 115-221 ms. With 256 kB the merges are sixteen times
-- smaller and the p99 was 46-68 ms, on the same platform and the same load (docs/benchmarks.md, seventh day).
-- fastupdate = off (no list: each insert updates the index) took the spikes away too but raised every insert's
-- cost, and its p99 was worse (52-141 ms).
--
-- Run on every GIN index of the database: the bases, which later generations copy with their options
-- (pg_get_indexdef), and any generation already built. A later migration that creates a GIN index gives it
-- WITH (gin_pending_list_limit = 256) too (ReadModelIndexesTest checks every one).
DO $$
DECLARE
    ix record;
BEGIN
    FOR ix IN SELECT n.nspname, c.relname
                FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_am a ON a.oid = c.relam
               WHERE a.amname = 'gin' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    LOOP
        EXECUTE format('ALTER INDEX %I.%I SET (gin_pending_list_limit = 256)', ix.nspname, ix.relname);
    END LOOP;
END
$$;
