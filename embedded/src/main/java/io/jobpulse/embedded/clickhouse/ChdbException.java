package io.jobpulse.embedded.clickhouse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement chDB refused, with ClickHouse's own error code and text (for example {@code Code: 62. DB::Exception:
 * Syntax error ...}), so the HTTP endpoint can hand both to a client exactly as a ClickHouse server would.
 */
public final class ChdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;


    /** ClickHouse's {@code UNKNOWN_EXCEPTION}: used when chDB's text carries no code. */
    static final int UNKNOWN_EXCEPTION = 1002;

    private static final Pattern CODE = Pattern.compile("^\\s*Code:\\s*(\\d+)\\.");

    private final int code;

    ChdbException(String clickHouseMessage) {
        this(codeOf(clickHouseMessage), clickHouseMessage);
    }

    ChdbException(int code, String clickHouseMessage) {
        super(clickHouseMessage);
        this.code = code;
    }

    /** ClickHouse's numeric error code, as in {@code X-ClickHouse-Exception-Code}. */
    public int code() {
        return code;
    }

    static int codeOf(String message) {
        Matcher matcher = CODE.matcher(message);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : UNKNOWN_EXCEPTION;
    }
}
