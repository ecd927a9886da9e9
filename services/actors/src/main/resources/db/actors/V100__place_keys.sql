-- The keys the importer looks likely duplicates up by (docs/actors.md, "Importing a file of the standard"), so that
-- an import never loads the census: one small row per actor, derived from its events by infra/PlaceKeyIndex.

-- One row per actor: its latest place's keys. version is the stream version they were read at, so an older event
-- applied late never overwrites a newer one; an absorbed actor (merged into another) keeps its row, marked.
CREATE TABLE actor_place_keys (
    actor_id         uuid             PRIMARY KEY,
    territory        text             NOT NULL,
    version          bigint           NOT NULL,
    absorbed         boolean          NOT NULL DEFAULT false,
    name             text             NOT NULL,
    name_and_address text             NOT NULL,
    phone            text,
    cell             text,
    latitude         double precision,
    longitude        double precision
);
CREATE INDEX actor_place_keys_name_and_address ON actor_place_keys (name_and_address) WHERE NOT absorbed;
CREATE INDEX actor_place_keys_phone ON actor_place_keys (phone) WHERE phone IS NOT NULL AND NOT absorbed;
CREATE INDEX actor_place_keys_cell ON actor_place_keys (cell) WHERE cell IS NOT NULL AND NOT absorbed;

-- How far in the event store the keys are up to date, in the relay's (transaction id, position) order.
CREATE TABLE actor_place_keys_checkpoint (
    id            integer PRIMARY KEY CHECK (id = 1),
    last_tx_id    xid8    NOT NULL DEFAULT '0',
    last_position bigint  NOT NULL DEFAULT 0
);
INSERT INTO actor_place_keys_checkpoint (id) VALUES (1);

-- The keys of the rows of imports under way (dry runs too), so that a row is compared with the earlier rows of its
-- file without holding them in memory. Scratch: deleted when the import ends, unlogged (lost on a crash, which is
-- fine: the import that wrote them is gone too); rows older than a day are purged by the next import.
CREATE UNLOGGED TABLE import_row_keys (
    import_id        uuid             NOT NULL,
    row_number       bigint           NOT NULL,
    actor_id         uuid             NOT NULL,
    name             text             NOT NULL,
    name_and_address text             NOT NULL,
    phone            text,
    cell             text,
    latitude         double precision,
    longitude        double precision,
    created_at       timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (import_id, row_number)
);
CREATE UNIQUE INDEX import_row_keys_actor ON import_row_keys (import_id, actor_id);
CREATE INDEX import_row_keys_name_and_address ON import_row_keys (import_id, name_and_address);
CREATE INDEX import_row_keys_phone ON import_row_keys (import_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX import_row_keys_cell ON import_row_keys (import_id, cell) WHERE cell IS NOT NULL;
