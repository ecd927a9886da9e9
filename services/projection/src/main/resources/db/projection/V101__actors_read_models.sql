-- Issue 3: the actors read models, per territory (gp, gf, mq, mf) and hub-wide (hub), replacing actor_directory.
-- They are rebuilt from the whole actors.events stream by a new consumer (projection.actors.v2, Kafka group
-- projection-actors-v2, earliest): nothing is copied from the old table.
--
-- Free text search uses no extension. The projector writes search_text already normalised (lower case, accents
-- stripped, punctuation turned into spaces: name, commune, address, summary) and a generated tsvector with the
-- 'simple' configuration indexes it (GIN); queries ask every word as a prefix ('lamen:* & cyber:*'). The embedded
-- PostgreSQL 17 (zonky) does ship pg_trgm and unaccent, but a managed server may not let us CREATE EXTENSION, and
-- unaccent() is not immutable (unusable in a generated column without a wrapper): normalising in Java avoids both.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['gp', 'gf', 'mq', 'mf', 'hub'] LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I.actor_directory', s);

        -- One row per actor (place). merged_into set: absorbed by another actor, hidden from every listing.
        EXECUTE format($t$
            CREATE TABLE %I.places (
                actor_id      uuid             PRIMARY KEY,
                territory     text             NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                name          text             NOT NULL,
                typologies    text[]           NOT NULL DEFAULT '{}',
                commune_name  text             NOT NULL,
                insee_code    text             NOT NULL,
                postcode      text             NOT NULL,
                address       text             NOT NULL,
                latitude      double precision,
                longitude     double precision,
                services      text[]           NOT NULL DEFAULT '{}',
                publics       text[]           NOT NULL DEFAULT '{}',
                access_modes  text[]           NOT NULL DEFAULT '{}',
                support_modes text[]           NOT NULL DEFAULT '{}',
                fees          text[]           NOT NULL DEFAULT '{}',
                programmes    text[]           NOT NULL DEFAULT '{}',
                place         jsonb            NOT NULL,
                closed_on     date,
                close_reason  text,
                merged_into   uuid,
                registered_at timestamptz      NOT NULL,
                updated_at    timestamptz      NOT NULL,
                version       bigint           NOT NULL,
                commune_key   text             NOT NULL,
                search_text   text             NOT NULL,
                search        tsvector         GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.places USING gin (search)', s);
        EXECUTE format('CREATE INDEX ON %I.places (insee_code)', s);
        EXECUTE format('CREATE INDEX ON %I.places (commune_key)', s);
        EXECUTE format('CREATE INDEX ON %I.places USING gin (services)', s);
        EXECUTE format('CREATE INDEX ON %I.places USING gin (publics)', s);
        EXECUTE format('CREATE INDEX ON %I.places USING gin (typologies)', s);
        EXECUTE format('CREATE INDEX ON %I.places (lower(name), actor_id)', s);

        -- Label grants, bounds inclusive, valid_until null = open-ended. source_actor_id: the absorbed actor a grant
        -- was carried over from by a merge (null for the actor's own grants), so a carried grant never collides
        -- with the survivor's own grant of the same label and start.
        EXECUTE format($t$
            CREATE TABLE %I.label_grants (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                actor_id        uuid   NOT NULL,
                label           text   NOT NULL,
                valid_from      date   NOT NULL,
                valid_until     date,
                source_actor_id uuid,
                CHECK (valid_until IS NULL OR valid_until >= valid_from),
                UNIQUE NULLS NOT DISTINCT (actor_id, label, valid_from, source_actor_id)
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.label_grants (label, valid_from)', s);

        -- Aidants (staff of an actor; their name is the only personal data here). moved_from: the absorbed actor
        -- they were carried over from by a merge. No foreign keys: the two streams of a merge arrive in any order.
        EXECUTE format($t$
            CREATE TABLE %I.aidants (
                aidant_id   uuid PRIMARY KEY,
                actor_id    uuid NOT NULL,
                name        text NOT NULL,
                role        text NOT NULL,
                enrolled_on date NOT NULL,
                departed_on date,
                moved_from  uuid
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.aidants (actor_id)', s);

        EXECUTE format($t$
            CREATE TABLE %I.aidant_trainings (
                aidant_id    uuid    NOT NULL,
                title        text    NOT NULL,
                provider     text    NOT NULL,
                hours        numeric NOT NULL CHECK (hours > 0),
                completed_on date    NOT NULL,
                PRIMARY KEY (aidant_id, title, completed_on)
            )$t$, s);
    END LOOP;
END
$$;

-- The old consumer's bookkeeping: it no longer runs.
DELETE FROM es_processed_events WHERE consumer = 'projection.actor-directory';
DELETE FROM es_consumer_checkpoints WHERE consumer = 'projection.actor-directory';
