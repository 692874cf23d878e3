package io.connectionbroker.delete;

import io.connectionbroker.domain.DeleteConnection;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.document.ConnectionRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code DELETE /v1/connections/{id}}: either side deletes a connection with its invitation; {@code 204}. */
@Controller("/v1/connections")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class DeleteConnectionController {
    private final CallerInstance callers;
    private final DeleteConnection deleteConnection;
    private final IdempotentRequests requests;

    public DeleteConnectionController(CallerInstance callers, DeleteConnection deleteConnection,
                                      IdempotentRequests requests) {
        this.callers = callers;
        this.deleteConnection = deleteConnection;
        this.requests = requests;
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteConnection", summary = "Delete a connection",
            description = "Either side removes the connection, its invitation and its rules, whatever its status.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ConnectionRoute
    public HttpResponse<Void> delete(@Parameter(hidden = true)
                                     @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                     @PathVariable String id) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        requests.commit(calling.actor(), () -> deleteConnection.delete(caller, id));
        return HttpResponse.noContent();
    }
}
