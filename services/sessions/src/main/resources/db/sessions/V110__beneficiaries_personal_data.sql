-- Beneficiaries' personal data: not domain facts, so ordinary tables (Hibernate Reactive with Panache), never events.
-- Each person's data key, wrapped (AES-GCM) by the master key kept outside the database (hub.sessions.master-key-file).
CREATE TABLE beneficiary_keys (
    beneficiary_id uuid PRIMARY KEY,
    wrapped_key    bytea       NOT NULL,
    created_at     timestamptz NOT NULL
);

-- Every value encrypted with the person's data key (AES-256-GCM, a random nonce per value, the beneficiary id and the
-- field as associated data); a value not given is NULL. Deleting the key makes a row unreadable; erasure deletes both.
CREATE TABLE beneficiary_personal_data (
    beneficiary_id        uuid PRIMARY KEY,
    name                  bytea,
    phone                 bytea,
    email                 bytea,
    birth_year            bytea,
    france_travail_number bytea,
    caf_number            bytea,
    notes                 bytea,
    updated_at            timestamptz NOT NULL
);
