-- What the vouchers service knows of the census (actors.events, consumer vouchers.census.v1): each actor's territory
-- and commune, whether it was merged into another, and the periods it held the APTIC label (bounds inclusive,
-- valid_until null = open-ended). Written with the consumer's processed marks, so each event counts once.
CREATE TABLE census_actors (
    actor_id           uuid PRIMARY KEY,
    territory          text CHECK (territory IN ('GP', 'GF', 'MQ', 'MF')),
    commune_insee_code text,
    merged_into        uuid
);

CREATE TABLE census_aptic_periods (
    actor_id    uuid NOT NULL,
    valid_from  date NOT NULL,
    valid_until date
);
CREATE INDEX census_aptic_periods_actor ON census_aptic_periods (actor_id);
