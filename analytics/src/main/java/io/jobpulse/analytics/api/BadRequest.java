package io.jobpulse.analytics.api;

/** A request parameter that failed validation: answered with HTTP 400 and this message, before any SQL runs. */
public final class BadRequest extends RuntimeException {

    private final String parameter;

    public BadRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
