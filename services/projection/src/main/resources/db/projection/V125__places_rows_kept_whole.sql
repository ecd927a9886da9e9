-- Issue 8 (rebuild rate): a place's row is a little over 2 KB (its jsonb ~1.1 KB, the search text, two tsvectors),
-- just above the size at which PostgreSQL tries to compress a row's largest values (TOAST_TUPLE_TARGET, ~2 KB). The
-- jsonb hardly compresses, so every insert ran pglz for little: 13 % of PostgreSQL's CPU during a rebuild (perf),
-- and on a scratch server 50 000 such inserts took 2.2 s with the default target, 1.45 s with 4096 (the table 13 %
-- larger: 130 MB instead of 115 MB). Rows up to 4 KB now stay whole and uncompressed (reads skip decompressing too);
-- larger ones are compressed and moved out as before. A table's storage options are not copied by
-- CREATE TABLE ... LIKE, so GenerationSchemas copies them to each new generation. Run on every schema that has the
-- table: the bases, which later generations copy, and any generation already built (existing rows stay as written).
DO $$
DECLARE
    places regclass;
BEGIN
    FOR places IN SELECT c.oid::regclass FROM pg_class c
                   WHERE c.relname = 'places' AND c.relkind = 'r'
                     AND EXISTS (SELECT 1 FROM pg_class g WHERE g.relnamespace = c.relnamespace
                                    AND g.relname = 'label_grants')
    LOOP
        EXECUTE format('ALTER TABLE %s SET (toast_tuple_target = 4096)', places);
    END LOOP;
END
$$;
