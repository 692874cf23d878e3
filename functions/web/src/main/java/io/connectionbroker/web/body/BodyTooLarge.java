package io.connectionbroker.web.body;

import io.connectionbroker.web.problem.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A request body over the size any request of this API needs: a refusal only the edge knows, so it is not one
 * of the domain's refusals. Answered {@code 413} by {@link Answer}.
 */
public final class BodyTooLarge extends RuntimeException {
    public BodyTooLarge(int bytes, int maxBytes) {
        super("The request body has " + bytes + " bytes; this API accepts at most " + maxBytes + ".", null, false,
                false);
    }

    /** The problem a body too large is answered with. */
    @Produces(Problems.CONTENT_TYPE)
    @Singleton
    public static class Answer implements ExceptionHandler<BodyTooLarge, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, BodyTooLarge tooLarge) {
            return Problems.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                    "The request body is too large", tooLarge.getMessage(), Map.of());
        }
    }
}
