package io.connectionbroker.upgrade;

import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.UpgradeConnection;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionRoute;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /v1/connections/{id}/upgrade} {@code {"mode": "VISUAL" | "SCRIPT"}}: a Basic connection changes mode. */
@Controller("/v1/connections/{id}")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class UpgradeConnectionController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final UpgradeConnection upgradeConnection;
    private final IdempotentAnswers answers;
    private final AppUrls appUrls;

    public UpgradeConnectionController(CallerInstance callers, JsonBodies bodies, UpgradeConnection upgradeConnection,
                                       IdempotentAnswers answers, AppUrls appUrls) {
        this.appUrls = appUrls;
        this.callers = callers;
        this.bodies = bodies;
        this.upgradeConnection = upgradeConnection;
        this.answers = answers;
    }

    @Post("/upgrade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "upgradeConnection", summary = "Upgrade a BASIC connection",
            description = "Either side moves a BASIC connection to VISUAL or SCRIPT, if both sides offer the mode;"
                    + " the rules start from the new mode's defaults.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpgradeRequest.class),
            examples = @ExampleObject(value = "{\"mode\": \"SCRIPT\"}")))
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The connection in its new mode",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConnectionView.class),
                    examples = @ExampleObject(value = ApiExamples.ACTIVE_CONNECTION)))
    @ConnectionRoute
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONNECTION_STATE_CONFLICT)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.UPGRADE_REFUSED)
    public HttpResponse<?> upgrade(HttpRequest<?> request,
                                   @Parameter(hidden = true)
                                   @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                   @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                   @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                   @PathVariable String id, @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        JsonFields fields = bodies.read(body);
        Mode mode = fields.as(UpgradeRequest.class).mode();
        fields.throwIfInvalid();
        return answers.<Connection>answer(request, calling.actor(), idempotencyKey, body,
                () -> upgradeConnection.upgrade(caller, id, mode),
                upgraded -> HttpResponse.ok(ConnectionView.of(upgraded, caller.id(), appUrls)));
    }

    /** The body as the API documents it, and as {@link #upgrade} reads it. */
    @Schema(name = "UpgradeRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record UpgradeRequest(@Schema(implementation = String.class, requiredMode = Schema.RequiredMode.REQUIRED,
                                  allowableValues = {"VISUAL", "SCRIPT"}) Mode mode) {
    }
}
