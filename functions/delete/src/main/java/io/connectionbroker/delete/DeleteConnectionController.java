package io.connectionbroker.delete;

import io.connectionbroker.domain.DeleteConnection;
import io.connectionbroker.web.CallerInstance;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;

/** {@code DELETE /v1/connections/{id}}: either side deletes a connection with its invitation; {@code 204}. */
@Controller("/v1/connections")
public class DeleteConnectionController {
    private final CallerInstance callers;
    private final DeleteConnection deleteConnection;

    public DeleteConnectionController(CallerInstance callers, DeleteConnection deleteConnection) {
        this.callers = callers;
        this.deleteConnection = deleteConnection;
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                     @PathVariable String id) {
        deleteConnection.delete(callers.from(authorization), id);
        return HttpResponse.noContent();
    }
}
