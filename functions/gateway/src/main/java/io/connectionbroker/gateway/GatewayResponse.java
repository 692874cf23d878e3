package io.connectionbroker.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A function's answer as API Gateway sends it back.
 *
 * @param headers header names in lower case, each with its values
 */
public record GatewayResponse(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
