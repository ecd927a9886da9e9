-- Rebuild without downtime (docs/architecture.md, "Rebuilding a read model"): a read model is served by one
-- generation of its tables. Generation 0 is the tables these migrations create in gp, gf, mq, mf and hub; they are
-- also the template every later generation copies (CREATE TABLE ... LIKE ... INCLUDING ALL), so a generation always
-- has the shape the migrations define. Generation n >= 1 lives in schemas <base>_<read model>_g<n> (mq_actors_g3).

-- Which generation of each read model the queries read: one row per read model, switched in one transaction.
CREATE TABLE read_model_generations (
    read_model text        PRIMARY KEY,
    serving    integer     NOT NULL CHECK (serving >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO read_model_generations (read_model, serving) VALUES ('actors', 0);

-- One row per rebuild: what it built and how far it got (the admin endpoint reads it). positions: the live
-- consumer's checkpoints when it began applying to the new generation too ({"0": 1234, ...}), which the catch-up
-- consumer had to reach before the switch.
CREATE TABLE read_model_rebuilds (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    read_model  text        NOT NULL,
    generation  integer     NOT NULL CHECK (generation > 0),
    state       text        NOT NULL CHECK (state IN ('CATCHING_UP', 'DUAL', 'SWITCHED', 'FAILED', 'ABANDONED')),
    total       bigint      NOT NULL DEFAULT 0,
    applied     bigint      NOT NULL DEFAULT 0,
    positions   jsonb,
    error       text,
    started_at  timestamptz NOT NULL DEFAULT now(),
    dual_at     timestamptz,
    switched_at timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON read_model_rebuilds (read_model, generation);
