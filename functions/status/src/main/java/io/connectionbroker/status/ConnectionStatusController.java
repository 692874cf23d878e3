package io.connectionbroker.status;

import io.connectionbroker.domain.ViewConnection;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.ConnectionView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;

/** {@code GET /v1/connections/{id}}: a connection's status, for the instances on its two sides only. */
@Controller("/v1/connections")
public class ConnectionStatusController {
    private final CallerInstance callers;
    private final ViewConnection viewConnection;

    public ConnectionStatusController(CallerInstance callers, ViewConnection viewConnection) {
        this.callers = callers;
        this.viewConnection = viewConnection;
    }

    @Get("/{id}")
    public ConnectionView status(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                 @PathVariable String id) {
        return ConnectionView.of(viewConnection.view(callers.from(authorization), id));
    }
}
