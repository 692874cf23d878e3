package io.connectionbroker.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An answer as it was given the first time, byte for byte: its status, its headers and its JSON body. The
 * first answer is given from this too, so the first answer and its replays cannot differ.
 */
@Serdeable
record KeptAnswer(int status, @Nullable Map<String, String> headers, @Nullable String body) {

    KeptAnswer {
        // JSON leaves an empty map out.
        headers = headers == null ? Map.of() : headers;
    }

    static KeptAnswer of(HttpResponse<?> response, JsonMapper json) {
        Map<String, String> headers = new TreeMap<>();
        response.getHeaders().names().forEach(name -> response.getHeaders().getFirst(name)
                .ifPresent(value -> headers.put(name, value)));
        try {
            Object body = response.body();
            return new KeptAnswer(response.code(), headers, body == null ? null : json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException("an answer's body did not serialise", e);
        }
    }

    static KeptAnswer read(byte[] bytes, JsonMapper json) {
        try {
            return json.readValue(bytes, KeptAnswer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept answer did not read back", e);
        }
    }

    byte[] bytes(JsonMapper json) {
        try {
            return json.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept answer did not serialise", e);
        }
    }

    MutableHttpResponse<?> response() {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(status));
        headers.forEach(response::header);
        if (body != null) {
            response.body(body.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return response;
    }
}
