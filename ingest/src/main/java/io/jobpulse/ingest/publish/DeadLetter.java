package io.jobpulse.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A rejected item as published to the dead-letter topic: JSON with the source instance, connector, the item's id
 * when known, the reason, and the raw payload cut to a size limit (with its original size, so operators know).
 */
public record DeadLetter(String sourceInstance, String connector, String sourceId, String reason, String rawPayload,
                         String runId, Instant at) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON value, the raw payload capped at {@code maxPayloadBytes} of UTF-8. */
    public byte[] toJson(int maxPayloadBytes) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", sourceInstance);
        n.put("connector", connector);
        n.put("source_id", sourceId);
        n.put("reason", reason);
        String raw = rawPayload == null ? "" : rawPayload;
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        n.put("payload_bytes", bytes.length);
        if (bytes.length > maxPayloadBytes) {
            n.put("payload", new String(bytes, 0, maxPayloadBytes, StandardCharsets.UTF_8).replaceAll("\uFFFD$", ""));
            n.put("payload_truncated", true);
        } else {
            n.put("payload", raw);
            n.put("payload_truncated", false);
        }
        n.put("run_id", runId);
        n.put("at", at.toString());
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
