package io.connectionbroker.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the edge answers itself is always one of the documented kinds, never an undocumented one. */
class EdgeProblemsTest {
    private final ProblemErrorResponseProcessor processor = new ProblemErrorResponseProcessor();

    private Map<String, Object> answer(HttpStatus status, Throwable cause) {
        ErrorContext.Builder context = ErrorContext.builder(HttpRequest.GET("/v1/connections"));
        if (cause != null) {
            context.cause(cause);
        }
        return processor.processResponse(context.build(), HttpResponse.status(status)).body();
    }

    @Test
    void aFaultOfOursIsAnInternalErrorThatBlamesNothingTheCallerSent() {
        Map<String, Object> problem = answer(HttpStatus.INTERNAL_SERVER_ERROR, new IllegalStateException("a bug"));

        assertEquals("urn:connection-broker:problem:internal-error", problem.get("type"));
        assertEquals(500, problem.get("status"));
        assertEquals(false, String.valueOf(problem.get("detail")).contains("a bug"), "never the fault's text");
        assertEquals("urn:connection-broker:problem:internal-error",
                answer(HttpStatus.SERVICE_UNAVAILABLE, null).get("type"), "any 5xx of the framework's own");
    }

    @Test
    void aRefusalTheFrameworkMakesWithoutAKindOfItsOwnIsAnInvalidRequestWithItsStatus() {
        Map<String, Object> problem = answer(HttpStatus.REQUEST_URI_TOO_LONG, null);

        assertEquals("urn:connection-broker:problem:invalid-request", problem.get("type"));
        assertEquals(414, problem.get("status"));
        assertEquals("urn:connection-broker:problem:not-acceptable", answer(HttpStatus.NOT_ACCEPTABLE, null).get("type"));
    }
}
