-- One database per service; each service creates its tables with Flyway at start.
CREATE DATABASE actors;
CREATE DATABASE sessions;
CREATE DATABASE vouchers;
CREATE DATABASE impact;
CREATE DATABASE projection;
