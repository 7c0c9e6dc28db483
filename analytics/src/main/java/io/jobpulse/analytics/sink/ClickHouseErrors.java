package io.jobpulse.analytics.sink;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a row ClickHouse refused (dead-letter it, go on) from ClickHouse being unavailable or misconfigured (keep the
 * batch, back off, retry). Only errors with one of ClickHouse's data error codes count as refusals; everything else,
 * including connection failures, which carry no code, is retried.
 */
final class ClickHouseErrors {

    /** ClickHouse error codes that mean "this data is wrong", from ClickHouse's ErrorCodes.cpp. */
    private static final Set<Integer> DATA_ERRORS = Set.of(
            6,   // CANNOT_PARSE_TEXT
            27,  // CANNOT_PARSE_INPUT_ASSERTION_FAILED
            33,  // CANNOT_READ_ALL_DATA
            38,  // CANNOT_PARSE_DATE
            41,  // CANNOT_PARSE_DATETIME
            53,  // TYPE_MISMATCH
            69,  // ARGUMENT_OUT_OF_BOUND
            70,  // CANNOT_CONVERT_TYPE
            72,  // CANNOT_PARSE_NUMBER
            117, // INCORRECT_DATA
            131, // TOO_LARGE_STRING_SIZE
            321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
            349, // CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
            469  // VIOLATED_CONSTRAINT
    );

    private ClickHouseErrors() {
    }

    static boolean isDataRejection(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && DATA_ERRORS.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /** True for an unchecked exception thrown by the ClickHouse client (the driver's transport layer). */
    static boolean fromClickHouseClient(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("com.clickhouse.") || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** A one-line reason: the first line of ClickHouse's message, with its code. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        if (e instanceof SQLException sql && sql.getErrorCode() != 0) {
            return "ClickHouse error " + sql.getErrorCode() + ": " + first;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !first.contains(root.getMessage())) {
            return first + " (" + root.getMessage().lines().findFirst().orElse("") + ")";
        }
        return first;
    }
}
