-- Daily aggregate cells over ACTIVE, deduplicated postings, as the streams stage computes them (AggregateRow).
-- Each row is the absolute value of one cell, not a delta: ReplacingMergeTree(version) keeps the newest value per
-- (aggregate, role, day, dim1, dim2), and reads use FINAL, so a redelivered cell replaces itself and an emptied cell
-- (count 0 after a closure) overwrites the old count. Window totals are sums of daily cells read with FINAL.
CREATE TABLE IF NOT EXISTS aggregates (
    aggregate LowCardinality(String),
    role LowCardinality(String),
    day Date,
    dim1 String,
    dim2 String,
    count Int64,
    salary_count Int64,
    salary_min_usd Nullable(Float64),
    salary_p25_usd Nullable(Float64),
    salary_median_usd Nullable(Float64),
    salary_p75_usd Nullable(Float64),
    salary_max_usd Nullable(Float64),
    version Int64,
    taxonomy_version LowCardinality(String),
    CONSTRAINT aggregate_known CHECK aggregate IN ('postings', 'technology', 'seniority', 'location', 'work_mode', 'technology_pair', 'salary'),
    CONSTRAINT count_not_negative CHECK count >= 0 AND salary_count >= 0,
    CONSTRAINT version_positive CHECK version > 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY (aggregate, role, day, dim1, dim2);
