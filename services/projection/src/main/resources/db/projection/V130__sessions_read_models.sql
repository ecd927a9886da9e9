-- Issue 11: the sessions read models, per territory (gp, gf, mq, mf) and hub-wide (hub), built from sessions.events
-- by the consumer projection.sessions (generation 0; rebuilt by replay, never by migrating data). They hold counts
-- and pseudonymous ids only: no beneficiary id ever leaves them in an answer, and no personal data is stored.
-- Table names are unique across read models: the serving generation is looked up by table name.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['gp', 'gf', 'mq', 'mf', 'hub'] LOOP
        -- One row per scheduled session: its plan, its seats, its state. version: the stream version last applied
        -- (a statement whose event is not newer changes nothing, so a replay never counts a seat twice).
        EXECUTE format($t$
            CREATE TABLE %I.session_agenda (
                session_id         uuid        PRIMARY KEY,
                territory          text        NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                actor_id           uuid        NOT NULL,
                type               text        NOT NULL,
                title              text,
                themes             text[]      NOT NULL DEFAULT '{}',
                level              text,
                place_type         text        NOT NULL,
                venue_actor_id     uuid,
                commune_insee_code text,
                local_start        timestamp   NOT NULL,
                local_date         date        NOT NULL,
                zone               text        NOT NULL,
                starts_at          timestamptz NOT NULL,
                duration_minutes   integer     NOT NULL,
                capacity           integer     NOT NULL,
                enrolled           integer     NOT NULL DEFAULT 0,
                waiting            integer     NOT NULL DEFAULT 0,
                status             text        NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed')),
                version            bigint      NOT NULL
            )$t$, s);
        -- the agenda's order, upcoming workshops only
        EXECUTE format($t$CREATE INDEX ON %I.session_agenda (starts_at, session_id)
                          WHERE type = 'collectif' AND status = 'scheduled'$t$, s);
        EXECUTE format('CREATE INDEX ON %I.session_agenda (local_date) WHERE status = ''completed''', s);

        -- Who is seated in a session (a pseudonymous id), so that a withdrawal knows whether it freed a seat.
        EXECUTE format($t$
            CREATE TABLE %I.session_seats (
                session_id     uuid NOT NULL,
                beneficiary_id uuid NOT NULL,
                seated         boolean NOT NULL,
                PRIMARY KEY (session_id, beneficiary_id)
            )$t$, s);

        -- The last attendance of each participant of a session; the rates read it for completed sessions.
        EXECUTE format($t$
            CREATE TABLE %I.session_attendance (
                session_id     uuid NOT NULL,
                beneficiary_id uuid NOT NULL,
                attendance     text NOT NULL,
                version        bigint NOT NULL,
                PRIMARY KEY (session_id, beneficiary_id)
            )$t$, s);

        -- One row per activity (the last ActivityRecorded of its id): what the statistics count.
        EXECUTE format($t$
            CREATE TABLE %I.activities (
                activity_id         uuid    PRIMARY KEY,
                origin              text    NOT NULL,
                territory           text    NOT NULL CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
                actor_id            uuid    NOT NULL,
                type                text    NOT NULL,
                date                date    NOT NULL,
                duration_minutes    integer NOT NULL,
                place_type          text    NOT NULL,
                themes              text[]  NOT NULL DEFAULT '{}',
                named               integer NOT NULL,
                anonymous_total     integer NOT NULL,
                already_accompanied integer NOT NULL,
                genders             jsonb   NOT NULL,
                age_bands           jsonb   NOT NULL,
                social_statuses     jsonb   NOT NULL,
                version             bigint  NOT NULL
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.activities (date)', s);

        -- The named participants of an activity with their coarse attributes, copied from the beneficiary's record
        -- (whichever of the two arrives first); beneficiary_id is cleared when the person is erased, the counts stay.
        EXECUTE format($t$
            CREATE TABLE %I.activity_participants (
                activity_id    uuid    NOT NULL,
                position       integer NOT NULL,
                beneficiary_id uuid,
                age_band       text,
                social_status  text,
                gender         text,
                PRIMARY KEY (activity_id, position)
            )$t$, s);
        EXECUTE format('CREATE INDEX ON %I.activity_participants (beneficiary_id)', s);

        -- Beneficiaries' coarse attributes (BeneficiaryRegistered), dropped on BeneficiaryErased.
        EXECUTE format($t$
            CREATE TABLE %I.activity_beneficiaries (
                beneficiary_id uuid PRIMARY KEY,
                age_band       text NOT NULL,
                social_status  text NOT NULL,
                gender         text
            )$t$, s);
    END LOOP;
END
$$;

INSERT INTO read_model_generations (read_model, serving) VALUES ('sessions', 0) ON CONFLICT DO NOTHING;
