package io.connectionbroker.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What API Gateway answers itself, before any function: here no handler exists to reach. */
class HttpApiGatewayTest {
    private final HttpApiGateway gateway = new HttpApiGateway(null, "no-function");

    @Test
    void anOptionsRequestFindsNoRoute() {
        GatewayResponse answer = gateway.send(request("OPTIONS", "/v1/connections"));

        assertEquals(404, answer.status());
        assertEquals(List.of("application/json"), answer.headers().get("content-type"));
        assertEquals("{\"message\":\"Not Found\"}", answer.body());
    }

    @Test
    void aPathWhoseEscapesAreBrokenIsABadRequest() {
        for (String path : List.of("/v1/connections/%", "/v1/connections/%zz", "/v1/connections/%4",
                "/v1/connections/%E0%A4", "/v1/connections/%C0%AF")) {
            GatewayResponse answer = gateway.send(request("GET", path));

            assertEquals(400, answer.status(), path);
            assertEquals("{\"message\":\"Bad Request\"}", answer.body(), path);
        }
    }

    @Test
    void wellEncodedPathsPass() {
        for (String path : List.of("/v1/connections", "/v1/instances/me/keys/cbk_abc", "/v1/x%20y", "/v1/%C3%A9")) {
            assertTrue(HttpApiGateway.isWellEncoded(path), path);
        }
        assertFalse(HttpApiGateway.isWellEncoded(null));
    }

    private static GatewayRequest request(String method, String path) {
        return new GatewayRequest(method, path, "", Map.of(), null);
    }
}
