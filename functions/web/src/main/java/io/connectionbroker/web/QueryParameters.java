package io.connectionbroker.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Query parameters a read takes once. Sent twice ({@code limit=1&limit=100}, or twice empty), which value would
 * count is a guess the caller did not make, so the request is refused, never answered from one of them.
 */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** @throws InvalidRequest naming each of {@code names} the request sent more than once */
    public static void requireOnce(HttpRequest<?> request, String... names) {
        // Counted in the query as sent: API Gateway joins a repeated parameter's values with commas, and the
        // parsed parameters then leave out empty ones (limit=&limit= reads as no limit at all).
        String query = rawQuery(request);
        List<String> sent = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                sent.add(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            if (sent.stream().filter(name::equals).count() > 1 || request.getParameters().getAll(name).size() > 1) {
                errors.add(new FieldError(name, "is given more than once: send it once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static String rawQuery(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return event.getRawQueryString();
        }
        return request.getUri().getRawQuery();
    }
}
