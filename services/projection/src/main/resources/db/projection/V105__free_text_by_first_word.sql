-- Issue 8: free text in name order at a cost that does not follow the directory's size (TextSearch). Names that
-- share a word sort together (every "Cyber-base ..." after every "Centre social ..."), so walking the name order to
-- the matches of "cyber" crossed 300 000 places out of a million, and the GIN index over search hands its matches
-- over in no order (sorting 100 000 of them). A match of the words asked has each word either as the first word of
-- search_text (the name's, lower case, no accents) or among the others, so:
--   search_head  the first word when it is letters only (a single lexeme then), else null;
--   search_rest  the lexemes of the other words (all of them when search_head is null), with their own GIN index;
--   places_live_by_head  each first word's places in name order, with closed_on for counts read from the index.
-- Both columns derive from search_text, which the projector writes: nothing else to maintain. Run on every schema
-- that has the table: the bases, which later generations copy, and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'places'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants')
    LOOP
        EXECUTE format($t$
            ALTER TABLE %I.places
                ADD COLUMN search_head text COLLATE "C"
                    GENERATED ALWAYS AS (substring(search_text FROM '^([a-z]+)(?: |$)')) STORED,
                ADD COLUMN search_rest tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
                        regexp_replace(search_text, '^[a-z]+( |$)', ''))) STORED$t$, s);
        EXECUTE format('CREATE INDEX places_search_rest ON %I.places USING gin (search_rest)', s);
        EXECUTE format('CREATE INDEX places_live_by_head ON %I.places (search_head, lower(name), actor_id) '
            'INCLUDE (closed_on) WHERE merged_into IS NULL AND search_head IS NOT NULL', s);
    END LOOP;
END
$$;
