package io.connectionbroker.activation;

import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.web.ApiExamples;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.ConnectionRoute;
import io.connectionbroker.web.ConnectionView;
import io.connectionbroker.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /v1/connections/{id}/deactivate} and {@code /activate}: either side switches an active
 * connection off and on again. No body.
 */
@Controller("/v1/connections/{id}")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class ConnectionActivationController {
    private final CallerInstance callers;
    private final ConnectionActivation activation;

    public ConnectionActivationController(CallerInstance callers, ConnectionActivation activation) {
        this.callers = callers;
        this.activation = activation;
    }

    @Post("/deactivate")
    @Operation(operationId = "deactivateConnection", summary = "Switch an active connection off",
            description = "Either side stops the synchronisation; the connection and its rules are kept. No body.")
    @ApiResponse(responseCode = "200", description = "The connection, now DEACTIVATED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ConnectionRoute
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONNECTION_STATE_CONFLICT)
    public ConnectionView deactivate(@Parameter(hidden = true)
                                     @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                     @PathVariable String id) {
        return ConnectionView.of(activation.deactivate(callers.from(authorization), id));
    }

    @Post("/activate")
    @Operation(operationId = "activateConnection", summary = "Switch a deactivated connection on again",
            description = "Either side resumes the synchronisation. No body.")
    @ApiResponse(responseCode = "200", description = "The connection, ACTIVE again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ConnectionRoute
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONNECTION_STATE_CONFLICT)
    public ConnectionView activate(@Parameter(hidden = true)
                                   @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                   @PathVariable String id) {
        return ConnectionView.of(activation.activate(callers.from(authorization), id));
    }
}
