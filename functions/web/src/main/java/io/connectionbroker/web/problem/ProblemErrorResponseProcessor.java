package io.connectionbroker.web.problem;

import io.connectionbroker.web.body.JsonBodies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the errors the framework answers by itself (no such route, wrong method, wrong content type,
 * unreadable request, unexpected failure) into problem details like our own refusals. A failure's message
 * is logged, never sent: it may name internals.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                    MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String method = context.getRequest().getMethodName();
        String path = context.getRequest().getPath();
        MutableHttpResponse<Map<String, Object>> problem = switch (status) {
            case NOT_FOUND -> Problems.response(status, "not-found", "Not found",
                    "There is no resource at " + path + ". Check the path against the API documentation.", Map.of());
            case METHOD_NOT_ALLOWED -> Problems.response(status, "method-not-allowed", "Method not allowed",
                    method + " is not allowed on " + path + ".", Map.of());
            case UNSUPPORTED_MEDIA_TYPE -> Problems.unsupportedMediaType();
            case NOT_ACCEPTABLE -> Problems.response(status, "not-acceptable", "Not acceptable",
                    "This API answers with application/json (and application/problem+json for refusals).", Map.of());
            case REQUEST_ENTITY_TOO_LARGE -> Problems.response(status, "payload-too-large",
                    "The request body is too large",
                    "This API accepts request bodies of at most " + JsonBodies.MAX_BYTES + " bytes.", Map.of());
            case BAD_REQUEST -> unreadableBody(context);
            default -> {
                context.getRootCause().ifPresentOrElse(
                        cause -> LOG.error("Unexpected failure answering {} {}", method, path, cause),
                        () -> LOG.error("Unexpected {} answering {} {}", status.getCode(), method, path));
                // Only the documented kinds: a fault of ours, or a request the framework refused for a reason
                // none of the cases above names (told by its status and reason).
                yield status.getCode() >= 500
                        ? Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error",
                                "Something went wrong on our side; nothing you sent caused it. Try again; if it"
                                + " keeps failing, contact support.", Map.of())
                        : Problems.response(status, "invalid-request", "The request has invalid fields",
                                "This request cannot be served: " + status.getReason() + ".", Map.of());
            }
        };
        copyHeaders(response, problem);
        return problem;
    }

    /**
     * The framework answers 400 only when it cannot bind an argument; the body is the only argument of
     * ours that can fail to bind (headers and path variables are taken as text).
     */
    private static MutableHttpResponse<Map<String, Object>> unreadableBody(ErrorContext context) {
        boolean empty = context.getErrors().stream().anyMatch(e -> e.getMessage().contains("Empty body"));
        String problem = empty ? "is required: send a JSON object" : "could not be read: send a JSON object";
        return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields",
                "body " + problem + ".", Map.of("errors", List.of(Map.of("field", "body", "problem", problem))));
    }

    private static void copyHeaders(MutableHttpResponse<?> response, MutableHttpResponse<?> problem) {
        response.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> problem.header(name, value));
            }
        });
    }
}
