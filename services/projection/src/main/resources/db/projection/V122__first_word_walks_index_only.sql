-- Issue 8: several words asked, one of them starting the name (cyber lamentin). TextSearch walks the first word's
-- places in name order (places_live_by_head) and tests the other words on each; names that share a first word
-- also share what follows (every "Cyber-base Le Lamentin ..." after four other communes' Cyber-bases), so the walk
-- crossed 33 000 places at a million, each a visit of the table for its words: 320 ms (EXPLAIN ANALYZE, warm). The
-- index now carries search_rest, so the walk tests the other words on the index alone. An index-only scan needs
-- every column the query names in the index, and PostgreSQL does not take lower(name) from an expression index, so
-- the sort key is a stored generated column (sort_name, as label_grants carry it) keyed in the index.
-- Cost on upgrade: the table is rewritten once (ADD COLUMN ... STORED) with all its indexes, then this index built:
-- 38 s and 4 s for a million places in one schema on a scratch server (the hub schema holds them again), under an
-- exclusive lock (queries on that scope wait). The index grows from 148 MB to 304 MB for a million places. Nothing
-- more for the projector to write. Run on every schema that has the
-- table: the bases, which later generations copy, and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'places'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants')
    LOOP
        EXECUTE format('DROP INDEX %I.places_live_by_head', s);
        EXECUTE format('ALTER TABLE %I.places ADD COLUMN sort_name text GENERATED ALWAYS AS (lower(name)) STORED', s);
        EXECUTE format('CREATE INDEX places_live_by_head ON %I.places (search_head, sort_name, actor_id) '
            'INCLUDE (closed_on, search_rest) WHERE merged_into IS NULL AND search_head IS NOT NULL', s);
    END LOOP;
END
$$;
