package io.jobpulse.streams;

import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.Base64;
import java.util.Optional;

/**
 * A record the topology could not process, as the JSON written to the streams dead-letter topic: where it came
 * from, why, and its payload (base64, capped) so an operator can inspect or replay it.
 */
public record DeadLetter(String key, String json) {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    public static DeadLetter of(String key, byte[] payload, Optional<RecordMetadata> where, String stage, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + (error.getMessage() == null ? "" : error.getMessage());
        Throwable cause = error.getCause();
        if (cause != null && cause != error && cause.getMessage() != null) {
            reason += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        field(json, "stage", stage).append(',');
        field(json, "topic", where.map(RecordMetadata::topic).orElse(null)).append(',');
        json.append("\"partition\":").append(where.map(RecordMetadata::partition).orElse(-1)).append(',');
        json.append("\"offset\":").append(where.map(RecordMetadata::offset).orElse(-1L)).append(',');
        field(json, "key", key).append(',');
        field(json, "reason", reason).append(',');
        if (payload == null) {
            json.append("\"payload_base64\":null,\"payload_truncated\":false");
        } else {
            boolean truncated = payload.length > MAX_PAYLOAD_BYTES;
            byte[] kept = truncated ? java.util.Arrays.copyOf(payload, MAX_PAYLOAD_BYTES) : payload;
            field(json, "payload_base64", Base64.getEncoder().encodeToString(kept)).append(',');
            json.append("\"payload_truncated\":").append(truncated);
        }
        json.append('}');
        return new DeadLetter(key, json.toString());
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
