-- Issue 8: several words asked, the first starting the name and another common in the directory but absent from
-- that first word's places (mediatheque schoelcher: Schoelcher is a commune and the street of a fifth of the places,
-- never of a Médiathèque outside Schoelcher). V123 could not ask the GIN index over search_other for such a word
-- (its 200 000 postings at a million places, collected before they are intersected with the first word's places),
-- so it walked the first word's places of every other commune to their end (91 000 entries, 255 ms).
--   search_pairs  the lexemes of search_other, each prefixed with the first word and '^' (mediatheque^rue), so that
--                 a prefix asked with a first word ('mediatheque^schoelcher':*) reads only the postings of the
--                 places that have both: the index's cost follows the matches, not the word's frequency. The
--                 first word is letters only and the words asked are letters and digits, so '^' cannot be typed.
-- The expression repeats search_head's and search_other's (a generated column cannot read another) and rewrites
-- the text of the latter's lexemes ('rue' 'schoelcher', letters and digits only: SearchText normalises them), as
-- array_to_string is not immutable; a place without a first word, or with no other word, has none (null).
-- Its GIN index replaces places_search_other, which FirstWordMatches no longer asks (same number of entries per
-- place, longer keys). Nothing more for the projector to write.
-- Cost on upgrade: the table is rewritten once (ADD COLUMN ... STORED) with its indexes, then the index built,
-- under an exclusive lock, as V123 (about 2.5 minutes for a million places in one schema). Run on every schema that
-- has the table: the bases, which later generations copy, and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'places'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants')
    LOOP
        EXECUTE format('DROP INDEX %I.places_search_other', s);
        EXECUTE format($t$
            ALTER TABLE %I.places ADD COLUMN search_pairs tsvector
                GENERATED ALWAYS AS (array_to_tsvector(string_to_array(nullif(regexp_replace(
                    strip(ts_delete(to_tsvector('simple'::regconfig, regexp_replace(search_text, '^[a-z]+( |$)', '')),
                        string_to_array(commune_key, ' ')))::text,
                    '''([^'']+)''', substring(search_text FROM '^([a-z]+)(?: |$)') || '^\1', 'g'), ''), ' '))) STORED$t$, s);
        EXECUTE format('CREATE INDEX places_search_pairs ON %I.places USING gin (search_pairs)', s);
    END LOOP;
END
$$;
