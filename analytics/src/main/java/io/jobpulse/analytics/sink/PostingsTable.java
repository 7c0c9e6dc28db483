package io.jobpulse.analytics.sink;

import io.jobpulse.contracts.avro.EnrichedPosting;
import io.jobpulse.contracts.avro.EnrichedSalary;
import io.jobpulse.contracts.avro.ResolvedLocation;
import io.jobpulse.contracts.avro.TechnologyMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** Maps an {@link EnrichedPosting} to a row of the {@code postings} table (see {@code V001__postings.sql}); public for the sink benchmark's raw-JDBC baseline. */
public final class PostingsTable implements SinkTable<EnrichedPosting> {

    public static final String INSERT = "INSERT INTO postings (id, canonical_id, duplicate_of, source, source_id, board, status, "
            + "version, content_hash, title, company, description_text, url, location_raw, posted_at, first_seen_at, "
            + "last_seen_at, closed_at, day, technologies, technology_categories, seniority, roles, work_modes, "
            + "location_cities, location_regions, location_countries, remote_regions, salary_currency, salary_period, "
            + "salary_min, salary_max, salary_usd_annual_min, salary_usd_annual_max, salary_usd_annual_mid, "
            + "taxonomy_version, enriched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public String insertSql() {
        return INSERT;
    }

    @Override
    public String name() {
        return "postings";
    }

    @Override
    public void bind(Connection connection, PreparedStatement insert, EnrichedPosting p) throws SQLException {
        int i = 1;
        insert.setString(i++, p.getId());
        insert.setString(i++, p.getCanonicalId());
        setNullableString(insert, i++, p.getDuplicateOf());
        insert.setString(i++, p.getSource());
        insert.setString(i++, p.getSourceId());
        setNullableString(insert, i++, p.getBoard());
        insert.setString(i++, p.getStatus().name());
        insert.setLong(i++, p.getVersion());
        insert.setString(i++, p.getContentHash());
        insert.setString(i++, p.getTitle());
        setNullableString(insert, i++, p.getCompany());
        insert.setString(i++, p.getDescriptionText());
        setNullableString(insert, i++, p.getUrl());
        setNullableString(insert, i++, p.getLocationRaw());
        setNullableTimestamp(insert, i++, p.getPostedAt());
        insert.setTimestamp(i++, Timestamp.from(p.getFirstSeenAt()));
        insert.setTimestamp(i++, Timestamp.from(p.getLastSeenAt()));
        setNullableTimestamp(insert, i++, p.getClosedAt());
        insert.setObject(i++, p.getDay());
        List<TechnologyMatch> technologies = p.getTechnologies();
        insert.setArray(i++, strings(connection, technologies.stream().map(TechnologyMatch::getName).toList()));
        insert.setArray(i++, strings(connection, technologies.stream().map(TechnologyMatch::getCategory).toList()));
        insert.setArray(i++, strings(connection, p.getSeniority()));
        insert.setArray(i++, strings(connection, p.getRoles()));
        insert.setArray(i++, strings(connection, p.getWorkModes()));
        List<ResolvedLocation> locations = p.getLocations();
        insert.setArray(i++, strings(connection, locations.stream().map(l -> orEmpty(l.getCity())).toList()));
        insert.setArray(i++, strings(connection, locations.stream().map(l -> orEmpty(l.getRegion())).toList()));
        insert.setArray(i++, strings(connection, locations.stream().map(l -> orEmpty(l.getCountry())).toList()));
        insert.setArray(i++, strings(connection, p.getRemoteRegions()));
        EnrichedSalary salary = p.getSalary();
        setNullableString(insert, i++, salary == null ? null : salary.getCurrency());
        setNullableString(insert, i++, salary == null ? null : salary.getPeriod());
        setNullableDouble(insert, i++, salary == null ? null : salary.getMin());
        setNullableDouble(insert, i++, salary == null ? null : salary.getMax());
        setNullableDouble(insert, i++, salary == null ? null : salary.getUsdAnnualMin());
        setNullableDouble(insert, i++, salary == null ? null : salary.getUsdAnnualMax());
        setNullableDouble(insert, i++, salary == null ? null : usdAnnualMidpoint(salary));
        insert.setString(i++, p.getTaxonomyVersion());
        insert.setTimestamp(i, Timestamp.from(p.getEnrichedAt()));
    }

    /** One annual USD figure per posting, as the salary aggregate uses: the middle of the range, or its one end. */
    static Double usdAnnualMidpoint(EnrichedSalary salary) {
        Double min = salary.getUsdAnnualMin();
        Double max = salary.getUsdAnnualMax();
        if (min != null && max != null) {
            return (min + max) / 2;
        }
        return min != null ? min : max;
    }

    private static java.sql.Array strings(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("String", values.toArray(new String[0]));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static void setNullableString(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }

    static void setNullableDouble(PreparedStatement insert, int index, Double value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.DOUBLE);
        } else {
            insert.setDouble(index, value);
        }
    }

    private static void setNullableTimestamp(PreparedStatement insert, int index, Instant value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.TIMESTAMP);
        } else {
            insert.setTimestamp(index, Timestamp.from(value));
        }
    }
}
