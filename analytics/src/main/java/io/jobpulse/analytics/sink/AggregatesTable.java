package io.jobpulse.analytics.sink;

import io.jobpulse.contracts.avro.AggregateRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Maps an {@link AggregateRow} to a row of the {@code aggregates} table (see {@code V002__aggregates.sql}). */
final class AggregatesTable implements SinkTable<AggregateRow> {

    static final String INSERT = "INSERT INTO aggregates (aggregate, role, day, dim1, dim2, count, salary_count, "
            + "salary_min_usd, salary_p25_usd, salary_median_usd, salary_p75_usd, salary_max_usd, version, taxonomy_version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public String insertSql() {
        return INSERT;
    }

    @Override
    public String name() {
        return "aggregates";
    }

    @Override
    public void bind(Connection connection, PreparedStatement insert, AggregateRow row) throws SQLException {
        insert.setString(1, row.getAggregate());
        insert.setString(2, row.getRole());
        insert.setObject(3, row.getDay());
        insert.setString(4, row.getDim1());
        insert.setString(5, row.getDim2());
        insert.setLong(6, row.getCount());
        insert.setLong(7, row.getSalaryCount());
        PostingsTable.setNullableDouble(insert, 8, row.getSalaryMinUsd());
        PostingsTable.setNullableDouble(insert, 9, row.getSalaryP25Usd());
        PostingsTable.setNullableDouble(insert, 10, row.getSalaryMedianUsd());
        PostingsTable.setNullableDouble(insert, 11, row.getSalaryP75Usd());
        PostingsTable.setNullableDouble(insert, 12, row.getSalaryMaxUsd());
        insert.setLong(13, row.getVersion());
        insert.setString(14, row.getTaxonomyVersion());
    }
}
