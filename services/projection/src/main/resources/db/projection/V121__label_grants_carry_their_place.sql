-- Issue 8: a label's holders, alone or with a service, listed and counted from the label's grants alone. V104 read
-- the grants in name order but looked each one's place up (open? not merged? its services?): counting up to 1 000
-- holders of a label with a service held by one place in five took about 6 000 probes of places_live_facets, 66 ms
-- at a million places (EXPLAIN ANALYZE, warm). Each grant now carries what those probes read of its place: its
-- services, closed_on and merged_into, which the projector writes with the grant and keeps in the same statement as
-- the place's (details changed, closed, reopened, merged), as it keeps sort_name. The grants' B-tree in name order
-- carries them too, so a page and the capped count are index-only scans of label_grants.
-- Cost on upgrade: one UPDATE of every grant from its place and the index built again; measured on a scratch server
-- with a million places in one schema (334 000 grants): 13 s for the UPDATE, 1.4 s for the index. The hub schema
-- holds every territory's places too, so count the largest territory twice. Run on every schema that has the tables: the bases,
-- which later generations copy, and any generation already built.
DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT table_schema FROM information_schema.tables WHERE table_name = 'label_grants'
            AND table_schema IN (SELECT table_schema FROM information_schema.tables WHERE table_name = 'places')
    LOOP
        EXECUTE format('ALTER TABLE %I.label_grants ADD COLUMN services text[], ADD COLUMN closed_on date, '
            'ADD COLUMN merged_into uuid', s);
        EXECUTE format('UPDATE %I.label_grants g SET services = p.services, closed_on = p.closed_on, '
            'merged_into = p.merged_into FROM %I.places p WHERE p.actor_id = g.actor_id', s, s);
        EXECUTE format('DROP INDEX %I.label_grants_by_name', s);
        EXECUTE format('CREATE INDEX label_grants_by_name ON %I.label_grants (label, sort_name, actor_id) '
            'INCLUDE (valid_from, valid_until, closed_on, merged_into, services)', s);
    END LOOP;
END
$$;
