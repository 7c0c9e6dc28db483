package io.jobpulse.demo.boards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the sample server answers to one request. */
record BoardResponse(int status, String contentType, byte[] body) {

    static BoardResponse json(JsonNode node) {
        try {
            return new BoardResponse(200, "application/json; charset=utf-8", BoardDay.JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoardResponse html(String html) {
        return new BoardResponse(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static BoardResponse notFound(String what) {
        return new BoardResponse(404, "application/json; charset=utf-8",
                ("{\"status\":404,\"error\":\"" + what.replace("\"", "'") + " not found\"}").getBytes(StandardCharsets.UTF_8));
    }
}
