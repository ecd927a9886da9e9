-- Commands that are not HTTP requests (jobs, reactions, imports) use idempotency keys too, so the kernel stores an
-- opaque answer chosen by the caller instead of an HTTP status, headers and body. The HTTP adapter of the service kit
-- stores its JSON {status, headers, body} there; older rows are converted to that same form.
ALTER TABLE es_idempotency_keys ADD COLUMN answer text;
UPDATE es_idempotency_keys
   SET answer = json_build_object('status', status, 'headers', headers, 'body', body)::text;
ALTER TABLE es_idempotency_keys ALTER COLUMN answer SET NOT NULL;
ALTER TABLE es_idempotency_keys DROP COLUMN status, DROP COLUMN headers, DROP COLUMN body;

-- Periodic jobs (a monthly settlement, a daily expiry): one row per period a job has completed. A job that was down
-- for three periods runs the three on its next start; its commands carry keys derived from (job, period), so a
-- period whose row was not written (a crash after the commands) decides nothing twice when it runs again.
CREATE TABLE es_job_runs (
    job          text        NOT NULL,
    period       text        NOT NULL,
    answer       text,
    completed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, period)
);
