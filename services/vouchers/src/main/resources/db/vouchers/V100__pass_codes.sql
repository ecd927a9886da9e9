-- How a typed code finds its pass: by the keyed hash of the code (HMAC-SHA256, key in a file outside the database),
-- never by the code. The code itself is kept only sealed (AES-GCM, the same key file), for printing booklets.
-- Rows are written before the quote's events: a quote refused or replayed leaves rows whose order does not exist,
-- which a look-up treats as an unknown code.
CREATE TABLE pass_codes (
    code_hash   text    PRIMARY KEY,
    pass_id     uuid    NOT NULL UNIQUE,
    order_id    uuid    NOT NULL,
    booklet     integer NOT NULL,
    position    integer NOT NULL,
    sealed_code bytea   NOT NULL
);
CREATE INDEX pass_codes_booklet ON pass_codes (order_id, booklet, position);
