package io.connectionbroker.initiate;

import io.connectionbroker.domain.InitiateConnection;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionRoute;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.IdempotencyKeyRefusals;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /v1/connections/{id}/invitation}: the source of a pending or expired connection gets a new
 * invitation code, shown once; the previous code stops working at once. No body.
 */
@Controller("/v1/connections/{id}")
@Tag(name = "Connections")
@SecurityRequirement(name = "apiKey")
public class ReinviteController {
    private final CallerInstance callers;
    private final InitiateConnection initiateConnection;
    private final IdempotentAnswers answers;

    public ReinviteController(CallerInstance callers, InitiateConnection initiateConnection, IdempotentAnswers answers) {
        this.callers = callers;
        this.initiateConnection = initiateConnection;
        this.answers = answers;
    }

    @Post("/invitation")
    @Operation(operationId = "reinvite", summary = "Issue a new invitation code",
            description = "The source of a PENDING or EXPIRED connection gets a new code, shown once; the previous"
                    + " code stops working at once. No body.")
    @ApiResponse(responseCode = "201", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.CACHE_CONTROL, required = true, description = "`no-store`: the answer holds a secret shown once", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "no-store")),
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The new code",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"invitation\": " + ApiExamples.INVITATION + "}")))
    @ConnectionRoute
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONNECTION_STATE_CONFLICT)
    @IdempotencyKeyRefusals
    public HttpResponse<?> reinvite(HttpRequest<?> request,
                                    @Parameter(hidden = true)
                                    @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                    @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @PathVariable String id) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        return answers.<InitiateConnection.Initiated>answer(request, calling.actor(), idempotencyKey, null,
                () -> initiateConnection.reinvite(caller, id),
                reinvited -> HttpResponse.created(new Reinvitation(new InitiateConnectionController.Invitation(
                                reinvited.code().reveal(), reinvited.connection().invitationExpiresAt().toString())))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"));
    }

    /** The new invitation: the only answer that ever shows its code. */
    @Serdeable
    public record Reinvitation(InitiateConnectionController.Invitation invitation) {
    }
}
