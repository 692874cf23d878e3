package io.connectionbroker.gateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reaches API Gateway.
 *
 * @param rawQueryString the query without its '?', or empty
 * @param headers        header names as sent, each with its values
 * @param body           the body as text, or null
 */
public record GatewayRequest(String method, String rawPath, String rawQueryString, Map<String, List<String>> headers,
                             String body) {
}
