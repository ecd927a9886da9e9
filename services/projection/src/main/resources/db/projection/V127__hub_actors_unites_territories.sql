-- Issue 8: the hub-wide actors read models are no longer a second copy written for every event. hub.places,
-- hub.label_grants, hub.aidants and hub.aidant_trainings become views uniting the four territories' tables
-- (UNION ALL): each event is written once, in its territory's schema. Before, every place was stored twice, with its
-- tsvectors and its index entries twice, and a rebuild or the live projector spent about half its database time on
-- the hub's copy (RebuildBenchmark, 100 000 events: 5 120 -> 7 380 events/s with the hub's writes left out).
-- The hub's rows were, by construction, the union of the territories' (an event without a hub territory is
-- skipped for both), so nothing is lost by dropping them.
--
-- Reads: PostgreSQL plans a query on such a view as an Append of its four branches, each with its own indexes (the
-- filters are pushed into every branch; a listing in name order is a Merge Append of the four name orders). The
-- statistics of free text at hub scope are read from the four tables (TextSearch).
--
-- read_model_hub_views(hub, tables) (re)creates the views of a hub schema over the territory schemas of the same
-- generation (hub -> gp, gf, mq, mf; hub_actors_g3 -> gp_actors_g3, ...). GenerationSchemas calls it for every new
-- generation; a later migration that changes one of these tables in the territory schemas calls it again for every
-- hub schema, since a view's column list is fixed when it is created (SELECT * is expanded then).
CREATE FUNCTION read_model_hub_views(hub text, tables text[]) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
    t text;
    suffix text := substring(hub FROM 4); -- '' for hub, '_actors_g3' for hub_actors_g3
BEGIN
    IF hub !~ '^hub(_[a-z]+_g[0-9]+)?$' THEN
        RAISE EXCEPTION 'not a hub schema: %', hub;
    END IF;
    FOREACH t IN ARRAY tables LOOP
        EXECUTE format('DROP VIEW IF EXISTS %I.%I', hub, t);
        EXECUTE format('CREATE VIEW %1$I.%2$I AS SELECT * FROM %3$I.%2$I UNION ALL SELECT * FROM %4$I.%2$I '
                       'UNION ALL SELECT * FROM %5$I.%2$I UNION ALL SELECT * FROM %6$I.%2$I',
                       hub, t, 'gp' || suffix, 'gf' || suffix, 'mq' || suffix, 'mf' || suffix);
    END LOOP;
END
$f$;

-- Every hub schema that still has the tables: hub (generation 0) and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables
              WHERE table_name = 'places' AND table_type = 'BASE TABLE'
                AND table_schema ~ '^hub(_actors_g[0-9]+)?$'
    LOOP
        EXECUTE format('DROP TABLE %1$I.places, %1$I.label_grants, %1$I.aidants, %1$I.aidant_trainings', s);
        PERFORM read_model_hub_views(s, ARRAY['places', 'label_grants', 'aidants', 'aidant_trainings']);
    END LOOP;
END
$$;
