-- Free-text notes of an individual activity report (they may name people): sealed with the key of the one person the
-- report names (AES-GCM under their data key, beneficiary_keys), never in an event, a read model or an answer kept
-- for an Idempotency-Key. Erasing the person deletes their key, which makes these unreadable, and these rows.
CREATE TABLE activity_report_notes (
    report_id      uuid        PRIMARY KEY,
    beneficiary_id uuid        NOT NULL,
    sealed_notes   bytea       NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX activity_report_notes_beneficiary ON activity_report_notes (beneficiary_id);
