-- Issue 8: label listings in name order without walking every place. "Holders of L on D" (and the directory's
-- label filter) walked the places in name order testing each for a grant: with a label held by 3 % of a million
-- places, a page crossed thousands of rows and the capped count 40 000. Each grant now carries its place's sort
-- key (lower(name), kept by the projector on every grant and rename), so a label's grants are read in name order
-- from one B-tree, the day tested in the index; the place is then looked up once per grant, index-only: through
-- places_live_ids (40 MB for a million places, so it stays in memory) for the holders, or places_live_facets, which
-- carries the filters most often combined with a label (commune, service, public, typology). Run on every schema
-- that has the tables: the bases (gp, gf, mq, mf, hub), which later generations copy, and any generation already
-- built (mq_actors_g2, ...).
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'places')
    LOOP
        EXECUTE format('ALTER TABLE %I.label_grants ADD COLUMN sort_name text', s);
        EXECUTE format('UPDATE %I.label_grants g SET sort_name = lower(p.name) FROM %I.places p '
            'WHERE p.actor_id = g.actor_id', s, s);
        EXECUTE format('CREATE INDEX label_grants_by_name ON %I.label_grants (label, sort_name, actor_id) '
            'INCLUDE (valid_from, valid_until)', s);
        EXECUTE format('CREATE INDEX places_live_ids ON %I.places (actor_id) INCLUDE (closed_on) '
            'WHERE merged_into IS NULL', s);
        EXECUTE format('CREATE INDEX places_live_facets ON %I.places (actor_id) INCLUDE (closed_on, insee_code, '
            'commune_key, services, publics, typologies) WHERE merged_into IS NULL', s);
    END LOOP;
END
$$;
