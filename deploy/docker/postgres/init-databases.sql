-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d): one database per service.
-- Each service creates its own tables with Flyway at start; the databases must exist before (CONVENTIONS.md).
CREATE DATABASE actors;
CREATE DATABASE sessions;
CREATE DATABASE vouchers;
CREATE DATABASE impact;
CREATE DATABASE projection;
