package io.connectionbroker.web.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies as JSON objects. Controllers take the body as text and read it here, so that every
 * malformed, oversized or mistyped body is answered by our rules with every bad field named.
 */
@Singleton
public class JsonBodies {
    /** The largest body any request of this API needs, with room to spare. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field ('[^']{1,100}')");

    private static final JsonFactory JSON = new JsonFactory();

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
            throw InvalidRequest.of("body", duplicateField(e)
                    .map(field -> "has the field " + field + " more than once; send each field once")
                    .orElse("is not valid JSON: check quotes, commas and braces"));
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object");
        }
        if (!endsAfterOneValue(bytes)) {
            throw InvalidRequest.of("body", "must be one JSON object and nothing after it");
        }
        return JsonFields.root(node);
    }

    /** Whether nothing but white space follows the first JSON value: the mapper reads one value and stops. */
    private static boolean endsAfterOneValue(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The field named twice, when that is why the parser gave up (strict duplicate detection is on). */
    private static Optional<String> duplicateField(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher duplicate = cause.getMessage() == null ? null : DUPLICATE.matcher(cause.getMessage());
            if (duplicate != null && duplicate.find()) {
                return Optional.of(duplicate.group(1));
            }
        }
        return Optional.empty();
    }
}
