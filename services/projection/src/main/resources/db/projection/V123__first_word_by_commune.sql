-- Issue 8: several words asked, one starting the name and one naming the commune (cyber lamentin). Names that share
-- a first word also share what follows, the commune (every "Cyber-base Le Lamentin ..." after four other communes'
-- Cyber-bases), so walking the first word's places in name order to test the other words crossed 33 000 entries at
-- a million places (100-450 ms). TextSearch now splits a first word's places by commune:
--   search_other  the words after the first without the commune's (ts_delete of search_rest's lexemes): a word the
--                 commune does not start can only be there, and a commune's word is rarely there;
--   places_live_by_head  keyed (first word, commune, name): each (first word, commune) in name order, bounded. A
--                 commune whose words start every other word asked lists its places as they come; the other
--                 communes' matches are found by the GIN index over search_other when the word is rare there
--                 (lamentin outside Le Lamentin), by a walk when common (rue), and a first walk tells which.
-- The index carries search_other rather than search_rest (the walks test only the words the commune does not
-- start), and commune_key, which the projector writes already. Nothing more for the projector to write, but one
-- more GIN index on places, written for each place in its territory's schema and the hub's.
-- Cost on upgrade: the table is rewritten once (ADD COLUMN ... STORED) with all its indexes, then the two indexes
-- built, under an exclusive lock (queries on that scope wait): 2 min 24 s for a million places in one schema on
-- the scratch server of docs/benchmarks.md (loaded machine). Run on every schema that has the table: the bases, which later
-- generations copy, and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'places'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants')
    LOOP
        EXECUTE format('DROP INDEX %I.places_live_by_head', s);
        EXECUTE format($t$
            ALTER TABLE %I.places ADD COLUMN search_other tsvector
                GENERATED ALWAYS AS (ts_delete(to_tsvector('simple'::regconfig,
                    regexp_replace(search_text, '^[a-z]+( |$)', '')), string_to_array(commune_key, ' '))) STORED$t$, s);
        EXECUTE format('CREATE INDEX places_search_other ON %I.places USING gin (search_other)', s);
        EXECUTE format('CREATE INDEX places_live_by_head ON %I.places (search_head, commune_key, sort_name, actor_id) '
            'INCLUDE (closed_on, search_other) WHERE merged_into IS NULL AND search_head IS NOT NULL', s);
    END LOOP;
END
$$;
