package io.connectionbroker.testing.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.testing.function.FunctionUnderTest.Answer;

/**
 * Refusals every route answers alike, before its own rules run: no API key, a body too large, a body that
 * is not JSON. Each function's tests check them on each of its routes, through its own handler.
 */
public final class EdgeRefusals {
    private static final String PROBLEM = "urn:connection-broker:problem:";

    private EdgeRefusals() {
    }

    public static void assertNoKeyIs401(FunctionUnderTest function, String method, String path) {
        boolean withBody = java.util.Set.of("POST", "PUT", "PATCH").contains(method);
        Answer answer = function.send(method, path, null, withBody ? "{}" : null, withBody ? "application/json" : null);
        assertUnauthenticated(answer);
    }

    /** A 401 problem that names the scheme to use. */
    static void assertUnauthenticated(Answer answer) {
        assertProblem(answer, 401, "unauthenticated");
        assertEquals("Bearer", answer.header("WWW-Authenticate"), answer.toString());
    }

    public static void assertBodyOver64KilobytesIs413(FunctionUnderTest function, String method, String path,
                                                       String apiKey) {
        String body = "{\"padding\": \"" + "x".repeat(64 * 1024) + "\"}";
        assertProblem(function.send(method, path, apiKey, body, "application/json"), 413, "payload-too-large");
    }

    public static void assertBodyNotSentAsJsonIs415(FunctionUnderTest function, String method, String path,
                                                    String apiKey) {
        assertProblem(function.send(method, path, apiKey, "mode=SCRIPT", "application/x-www-form-urlencoded"), 415,
                "unsupported-media-type");
    }

    /**
     * A path whose id is not UTF-8 once decoded is answered by API Gateway itself, before the function, with
     * its own JSON message (found by Schemathesis; the document says so on every route with a path id).
     */
    public static void assertUndecodablePathIsTheGateways400(FunctionUnderTest function, String method,
                                                             String path, String apiKey) {
        Answer answer = function.send(method, path, apiKey, null, null);
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("Content-Type"), answer.toString());
        assertEquals("Bad Request", answer.text("message"), answer.toString());
    }

    private static void assertProblem(Answer answer, int status, String kind) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.toString());
        assertEquals(PROBLEM + kind, answer.text("type"), answer.toString());
    }
}
