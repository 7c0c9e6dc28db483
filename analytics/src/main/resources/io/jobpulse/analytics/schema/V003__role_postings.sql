-- The role page's postings, one row per (role family, day, posting), with what the role page shows of them: latest
-- postings, salary by seniority and related roles read a role's days by the primary key instead of scanning every
-- posting (the postings table is ordered by id). listed_at is the time the latest postings are ordered by (posted,
-- else first seen); day is its UTC date. A materialized view fills it from every insert into postings, so the sink, a backfill and a
-- hand-written INSERT all keep it current.
--
-- Correctness: ReplacingMergeTree(version) keeps the newest row per (role, day, id), and reads use FINAL on the
-- role's pruned days with listed = 1. An update or a closure with the same roles and day replaces the old row like in
-- postings; a redelivered batch writes the same rows again, which collapse. When a new version drops a role or moves
-- to another day, its old (role, day, id) key is no longer written, so the sink retracts it: after each batch it
-- writes a row with listed = 0 at the posting's newest version for every key in role_posting_keys (every key ever
-- written for the posting) that the newest version in postings no longer has (see ClickHouseSink). A retraction
-- only overrides rows of lower versions, so a redelivered older version cannot bring a retracted key back.
CREATE TABLE IF NOT EXISTS role_postings (
    role LowCardinality(String),
    day Date,
    id String,
    version Int64,
    listed UInt8 DEFAULT 1,
    canonical_id String,
    duplicate_of Nullable(String),
    status LowCardinality(String),
    first_seen_at DateTime64(3, 'UTC'),
    listed_at DateTime64(3, 'UTC'),
    seniority Array(LowCardinality(String)),
    roles Array(LowCardinality(String)),
    salary_usd_annual_mid Nullable(Float64),
    title String,
    company Nullable(String),
    url Nullable(String),
    location_cities Array(LowCardinality(String)),
    location_countries Array(LowCardinality(String)),
    work_modes Array(LowCardinality(String))
) ENGINE = ReplacingMergeTree(version)
ORDER BY (role, day, id);

-- Every (role, day) key ever written for a posting, by posting id: what the sink's retraction looks up.
CREATE TABLE IF NOT EXISTS role_posting_keys (
    id String,
    role LowCardinality(String),
    day Date
) ENGINE = ReplacingMergeTree
ORDER BY (id, role, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS role_posting_keys_mv TO role_posting_keys AS
SELECT id, role, day FROM role_postings;

-- Members of duplicate groups, by group: each duplicate and its canonical posting. The counting rule (one active
-- posting per job) looks up a group's members here and reads their current state from postings by id. A member that
-- later leaves its group keeps its row here; the current state (canonical_id) read from postings drops it.
CREATE TABLE IF NOT EXISTS duplicate_members (
    canonical_id String,
    id String
) ENGINE = ReplacingMergeTree
ORDER BY (canonical_id, id);

CREATE MATERIALIZED VIEW IF NOT EXISTS duplicate_members_mv TO duplicate_members AS
SELECT canonical_id, arrayJoin([id, canonical_id]) AS id
FROM postings
WHERE canonical_id != id OR duplicate_of IS NOT NULL;

CREATE MATERIALIZED VIEW IF NOT EXISTS role_postings_mv TO role_postings AS
SELECT role, day, id, version, 1 AS listed, canonical_id, duplicate_of, status, first_seen_at,
       coalesce(posted_at, first_seen_at) AS listed_at, seniority, roles, salary_usd_annual_mid, title, company, url,
       location_cities, location_countries, work_modes
FROM postings
ARRAY JOIN arrayDistinct(roles) AS role;

-- Postings written before this migration (the views only see new inserts). Running this again after an interruption
-- writes the same rows, which collapse.
INSERT INTO duplicate_members
SELECT canonical_id, arrayJoin([id, canonical_id]) AS id
FROM postings FINAL
WHERE canonical_id != id OR duplicate_of IS NOT NULL;

INSERT INTO role_postings
SELECT role, day, id, version, 1 AS listed, canonical_id, duplicate_of, status, first_seen_at,
       coalesce(posted_at, first_seen_at) AS listed_at, seniority, roles, salary_usd_annual_mid, title, company, url,
       location_cities, location_countries, work_modes
FROM postings FINAL
ARRAY JOIN arrayDistinct(roles) AS role;
