package io.connectionbroker.activation;

import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.ConnectionView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/**
 * {@code POST /v1/connections/{id}/deactivate} and {@code /activate}: either side switches an active
 * connection off and on again. No body.
 */
@Controller("/v1/connections/{id}")
public class ConnectionActivationController {
    private final CallerInstance callers;
    private final ConnectionActivation activation;

    public ConnectionActivationController(CallerInstance callers, ConnectionActivation activation) {
        this.callers = callers;
        this.activation = activation;
    }

    @Post("/deactivate")
    public ConnectionView deactivate(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                     @PathVariable String id) {
        return ConnectionView.of(activation.deactivate(callers.from(authorization), id));
    }

    @Post("/activate")
    public ConnectionView activate(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                   @PathVariable String id) {
        return ConnectionView.of(activation.activate(callers.from(authorization), id));
    }
}
