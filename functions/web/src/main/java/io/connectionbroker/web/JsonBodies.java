package io.connectionbroker.web;

import io.connectionbroker.domain.InvalidRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies as JSON objects. Controllers take the body as text and read it here, so that every
 * malformed, oversized or mistyped body is answered by our rules with every bad field named.
 */
@Singleton
public class JsonBodies {
    /** The largest body any request of this API needs, with room to spare. */
    public static final int MAX_BYTES = 64 * 1024;

    private final JsonMapper mapper;

    public JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JsonFields read(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw InvalidRequest.of("body", "is required: send a JSON object");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new BodyTooLarge(bytes.length, MAX_BYTES);
        }
        JsonNode node;
        try {
            node = mapper.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw InvalidRequest.of("body", "is not valid JSON: check quotes, commas and braces");
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object");
        }
        return JsonFields.root(node);
    }
}
