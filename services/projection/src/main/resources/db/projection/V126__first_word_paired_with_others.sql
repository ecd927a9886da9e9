-- Issue 8: several words asked, the first starting the name and another common in the directory but absent from
-- that first word's places (mediatheque schoelcher: Schoelcher is a commune and the street of a fifth of the places,
-- never of a Médiathèque outside Schoelcher). V123 could not ask the GIN index over search_other for such a word
-- (its 200 000 postings at a million places, collected before they are intersected with the first word's places),
-- so it walked the first word's places of every other commune to their end (91 000 entries, 255 ms).
--   search_pairs  the words of search_other, each prefixed with the first word and '^' (mediatheque^rue), so that a
--                 prefix asked with a first word ('mediatheque^schoelcher':*) reads only the postings of the places
--                 that have both: the index's cost follows the matches, not the word's frequency. The first word is
--                 letters only and the words asked are letters and digits, so '^' cannot be typed.
-- Issue 8: the same with the words after the first (espace marie, atelier marin: espace and ateliers are in every
-- summary, Marie is a commune's). Names carry their commune after their first word, so the walk of the whole name
-- order met Sainte-Marie's places only after every other commune's (Atelier Ducos ... Atelier Le Vauclin first),
-- and the GIN index over search_rest handed over a commune's 83 000 places to sort (250 ms). GroupMatches now lists
-- the places of a commune a word asked starts from places_live_by_commune (V103), and the others' matches have
-- every word among search_other (where a commune's word is rare): search_rest and its GIN index are no longer read,
-- and are dropped (one tsvector and one GIN index less to write per place).
-- Nothing more for the projector to write.
--
-- Issue 8 (rebuild rate): the stored tsvectors were most of an insert's cost (each to_tsvector about 5 us a row,
-- the text search parser run again on words FrenchText already split). search_text is FrenchText's words, letters
-- and digits separated by single spaces, so they are now the words themselves (array_to_tsvector of the split
-- text, about three times cheaper; no positions, which no query reads), and the queries cast their words to
-- tsquery without the parser either (TextSearch, GroupMatches, PlaceFilter): both sides keep a word whole where
-- the parser split it (2e5x was 2e5 and x). A generated column cannot read another, so each expression repeats
-- the first word's pattern (search_head's). A place without a commune keeps its other words (ts_delete of a null
-- list was null).
--
-- Cost on upgrade: each table is rewritten once (one ALTER TABLE: the new expressions and the new column) with its
-- indexes, then the new index built, under an exclusive lock, as V123 (about 2.5 minutes for a million places in
-- one schema). Run on every schema that has the table: the bases, which later generations copy, and any generation
-- already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'places'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants')
    LOOP
        -- IF EXISTS: a generation a rebuild left unfinished has no secondary index yet (abandoned, dropped later)
        EXECUTE format('DROP INDEX IF EXISTS %I.places_search_rest', s);
        EXECUTE format($t$
            ALTER TABLE %I.places
                DROP COLUMN search_rest,
                ALTER COLUMN search SET EXPRESSION AS (array_to_tsvector(string_to_array(search_text, ' '))),
                ALTER COLUMN search_other SET EXPRESSION AS (ts_delete(array_to_tsvector(string_to_array(
                    regexp_replace(search_text, '^[a-z]+( |$)', ''), ' ')), string_to_array(coalesce(commune_key, ''), ' '))),
                ADD COLUMN search_pairs tsvector GENERATED ALWAYS AS (ts_delete(array_to_tsvector(string_to_array(
                    regexp_replace(regexp_replace(search_text, '^[a-z]+( |$)', ''), '([a-z0-9]+)',
                        substring(search_text FROM '^([a-z]+)(?: |$)') || '^\1', 'g'), ' ')),
                    string_to_array(regexp_replace(coalesce(commune_key, ''), '([a-z0-9]+)',
                        substring(search_text FROM '^([a-z]+)(?: |$)') || '^\1', 'g'), ' '))) STORED$t$, s);
        EXECUTE format('CREATE INDEX places_search_pairs ON %I.places USING gin (search_pairs)', s);
    END LOOP;
END
$$;
