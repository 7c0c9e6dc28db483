-- Current state of every enriched posting, one row per posting id once merged.
-- Correctness: ReplacingMergeTree(version) keeps the row with the highest version per id (the ORDER BY key), so an
-- update or a closure (a higher version) replaces the old state and a redelivered batch (same id, same version) is a
-- duplicate that collapses. Merges happen in the background, so every read uses FINAL, which applies the same rule
-- at query time; status and duplicate filters go in WHERE, which ClickHouse applies after FINAL.
-- Rows ClickHouse must refuse (and the sink dead-letters) are stated as constraints.
CREATE TABLE IF NOT EXISTS postings (
    id String,
    canonical_id String,
    duplicate_of Nullable(String),
    source LowCardinality(String),
    source_id String,
    board Nullable(String),
    status LowCardinality(String),
    version Int64,
    content_hash String,
    title String,
    company Nullable(String),
    description_text String,
    url Nullable(String),
    location_raw Nullable(String),
    posted_at Nullable(DateTime64(3, 'UTC')),
    first_seen_at DateTime64(3, 'UTC'),
    last_seen_at DateTime64(3, 'UTC'),
    closed_at Nullable(DateTime64(3, 'UTC')),
    day Date,
    technologies Array(String),
    technology_categories Array(String),
    seniority Array(String),
    roles Array(String),
    work_modes Array(String),
    location_cities Array(String),
    location_regions Array(String),
    location_countries Array(String),
    remote_regions Array(String),
    salary_currency Nullable(String),
    salary_period Nullable(String),
    salary_min Nullable(Float64),
    salary_max Nullable(Float64),
    salary_usd_annual_min Nullable(Float64),
    salary_usd_annual_max Nullable(Float64),
    salary_usd_annual_mid Nullable(Float64),
    taxonomy_version LowCardinality(String),
    enriched_at DateTime64(3, 'UTC'),
    CONSTRAINT id_present CHECK id != '',
    CONSTRAINT status_known CHECK status IN ('ACTIVE', 'CLOSED'),
    CONSTRAINT version_positive CHECK version > 0,
    CONSTRAINT salary_not_negative CHECK ifNull(salary_usd_annual_mid, 0) >= 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;
