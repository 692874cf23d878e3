package io.connectionbroker.web.body;

import io.connectionbroker.web.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Set;

/**
 * Refuses a request that carries a body without saying what it is (a POST with no body needs no type). Routes declare the JSON they consume,
 * and the framework refuses other declared types with 415; a request with no Content-Type at all would
 * otherwise reach the route.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class JsonContentType {
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** @return the refusal, or null to let the request through */
    @RequestFilter
    @Nullable
    public HttpResponse<?> requireContentType(HttpRequest<?> request) {
        if (WITH_BODY.contains(request.getMethod()) && request.getContentType().isEmpty() && hasBody(request)) {
            return Problems.unsupportedMediaType();
        }
        // JSON is UTF-8 (RFC 8259): a body declared in another charset would be read wrongly, so it is refused.
        String charset = request.getContentType().flatMap(type -> type.getParameters().get("charset")).orElse(null);
        if (charset != null && !charset.strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
            return Problems.unsupportedMediaType("Send the body as JSON encoded in UTF-8 ('Content-Type:"
                    + " application/json', or with '; charset=utf-8').");
        }
        return null;
    }

    /** A POST that only names an action (deactivate, activate) carries no body and needs no type. */
    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
