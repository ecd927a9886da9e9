-- Issue 8: query cost that stays flat as the read models grow. Every listing of places is read in the order it
-- is shown (lower(name), actor_id), a page at a time from where the previous one stopped (keyset), so these
-- B-trees hand a page over without sorting every match: one for the whole scope, one per commune (INSEE code or
-- normalised name) with the name order behind it. Merged actors never show, so they are left out of the indexes;
-- closed places (a few) are filtered on the way. The plain indexes they replace served only the unordered form.
-- Array filters (services, publics, typologies, modalities) keep GIN indexes for rare values; for common ones the
-- planner walks the name order and filters. Free text keeps the tsvector GIN of V101 (no extension needed).
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['gp', 'gf', 'mq', 'mf', 'hub'] LOOP
        EXECUTE format('DROP INDEX IF EXISTS %I.places_lower_actor_id_idx', s);
        EXECUTE format('DROP INDEX IF EXISTS %I.places_insee_code_idx', s);
        EXECUTE format('DROP INDEX IF EXISTS %I.places_commune_key_idx', s);
        EXECUTE format('CREATE INDEX places_live_by_name ON %I.places (lower(name), actor_id) '
            'WHERE merged_into IS NULL', s);
        EXECUTE format('CREATE INDEX places_live_by_insee ON %I.places (insee_code, lower(name), actor_id) '
            'WHERE merged_into IS NULL', s);
        EXECUTE format('CREATE INDEX places_live_by_commune ON %I.places (commune_key, lower(name), actor_id) '
            'WHERE merged_into IS NULL', s);
        EXECUTE format('CREATE INDEX places_access_modes ON %I.places USING gin (access_modes)', s);
        EXECUTE format('CREATE INDEX places_support_modes ON %I.places USING gin (support_modes)', s);
    END LOOP;
END
$$;
