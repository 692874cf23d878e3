package io.connectionbroker.web.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details: the one shape of every refusal this API answers with, as
 * {@code application/problem+json}.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** Problem types are URNs: stable names that do not pretend to be web pages. */
    public static final String TYPE_PREFIX = "urn:connection-broker:problem:";

    private Problems() {
    }

    /**
     * @param extensions members beyond type, title, status and detail (for example the bad fields)
     */
    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String kind, String title,
                                                                  String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + kind);
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.putAll(extensions);
        return HttpResponse.<Map<String, Object>>status(status).contentType(CONTENT_TYPE).body(body);
    }

    public static MutableHttpResponse<Map<String, Object>> unsupportedMediaType() {
        return unsupportedMediaType("Send the body as JSON, with 'Content-Type: application/json'.");
    }

    public static MutableHttpResponse<Map<String, Object>> unsupportedMediaType(String detail) {
        return response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                detail, Map.of());
    }
}
