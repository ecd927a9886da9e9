-- One schema per territory (gp, gf, mq, mf) and one hub-wide (hub): a territory's data is stored apart from the
-- others', so a territory's directory can be exported, rebuilt or dropped on its own. Same table in each.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['gp', 'gf', 'mq', 'mf', 'hub'] LOOP
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', s);
        EXECUTE format($t$
            CREATE TABLE %I.actor_directory (
                actor_id      uuid        PRIMARY KEY,
                name          text        NOT NULL,
                kind          text        NOT NULL,
                territory     text        NOT NULL,
                commune_name  text        NOT NULL,
                insee_code    text        NOT NULL,
                postcode      text        NOT NULL,
                address       text        NOT NULL,
                labels        jsonb       NOT NULL DEFAULT '[]',
                registered_at timestamptz NOT NULL,
                updated_at    timestamptz NOT NULL,
                version       bigint      NOT NULL
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.actor_directory (lower(name))', s);
        EXECUTE format('CREATE INDEX ON %I.actor_directory (insee_code)', s);
    END LOOP;
END
$$;
