package io.connectionbroker.activation;

import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionActivation;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionRoute;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.IdempotencyKeyRefusals;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
    private final IdempotentAnswers answers;
    private final AppUrls appUrls;

    public ConnectionActivationController(CallerInstance callers, ConnectionActivation activation,
                                          IdempotentAnswers answers, AppUrls appUrls) {
        this.appUrls = appUrls;
        this.callers = callers;
        this.activation = activation;
        this.answers = answers;
    }

    @Post("/deactivate")
    @Operation(operationId = "deactivateConnection", summary = "Switch an active connection off",
            description = "Either side stops the synchronisation; the connection and its rules are kept. No body.")
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The connection, now DEACTIVATED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ConnectionRoute
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONNECTION_STATE_CONFLICT)
    @IdempotencyKeyRefusals
    public HttpResponse<?> deactivate(HttpRequest<?> request,
                                      @Parameter(hidden = true)
                                      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                      @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @PathVariable String id) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        return answers.<Connection>answer(request, calling.actor(), idempotencyKey, null,
                () -> activation.deactivate(caller, id), connection -> view(connection, caller));
    }

    @Post("/activate")
    @Operation(operationId = "activateConnection", summary = "Switch a deactivated connection on again",
            description = "Either side resumes the synchronisation. No body.")
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The connection, ACTIVE again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ConnectionRoute
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONNECTION_STATE_CONFLICT)
    @IdempotencyKeyRefusals
    public HttpResponse<?> activate(HttpRequest<?> request,
                                    @Parameter(hidden = true)
                                    @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                    @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @PathVariable String id) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        return answers.<Connection>answer(request, calling.actor(), idempotencyKey, null,
                () -> activation.activate(caller, id), connection -> view(connection, caller));
    }

    private MutableHttpResponse<?> view(Connection connection, Instance caller) {
        return HttpResponse.ok(ConnectionView.of(connection, caller.id(), appUrls));
    }
}
