package io.jobpulse.analytics.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One ClickHouse table the sink writes: its batch INSERT and how a record becomes that statement's parameters. */
public interface SinkTable<V> {

    String name();

    String insertSql();

    void bind(Connection connection, PreparedStatement insert, V value) throws SQLException;
}
