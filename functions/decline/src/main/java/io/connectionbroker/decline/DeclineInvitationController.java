package io.connectionbroker.decline;

import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.DeclineInvitation;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.document.AnswersAnInvitation;
import io.connectionbroker.web.document.ApiExamples;
import io.connectionbroker.web.document.ConnectionView;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.ProblemResponses;
import io.connectionbroker.web.telemetry.BrokerMetrics;
import io.connectionbroker.web.telemetry.CountsAs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /v1/invitations/decline}: the invited instance turns the invitation down with its code. */
@Controller("/v1/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "apiKey")
public class DeclineInvitationController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final DeclineInvitation declineInvitation;
    private final IdempotentAnswers answers;
    private final AppUrls appUrls;

    public DeclineInvitationController(CallerInstance callers, JsonBodies bodies, DeclineInvitation declineInvitation,
                                       IdempotentAnswers answers, AppUrls appUrls) {
        this.appUrls = appUrls;
        this.callers = callers;
        this.bodies = bodies;
        this.declineInvitation = declineInvitation;
        this.answers = answers;
    }

    @Post("/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @CountsAs(BrokerMetrics.INVITATIONS_DECLINED)
    @Operation(operationId = "declineInvitation", summary = "Decline an invitation",
            description = "The destination's admin turns the invitation down; the connection becomes DECLINED and"
                    + " the code works no more.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DeclineRequest.class),
            examples = @ExampleObject(value = DeclineRequest.EXAMPLE)))
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The connection, now DECLINED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Declination.class),
                    examples = @ExampleObject(value = "{\"connection\": " + ApiExamples.DECLINED_CONNECTION + "}")))
    @AnswersAnInvitation
    @ApiResponse(responseCode = "422", ref = ProblemResponses.IDEMPOTENCY_KEY_REUSED)
    public HttpResponse<?> decline(HttpRequest<?> request,
                                   @Parameter(hidden = true)
                                   @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                   @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        JsonFields fields = bodies.read(body);
        String code = fields.as(DeclineRequest.class).code();
        if (code == null) {
            fields.reject("code", "is required: the invitation code you were given");
        }
        fields.throwIfInvalid();
        return answers.<Connection>answer(request, calling.actor(), idempotencyKey, body,
                () -> declineInvitation.decline(caller, code),
                declined -> HttpResponse.ok(new Declination(ConnectionView.of(declined, caller.id(), appUrls))));
    }

    /** The connection, now declined. */
    @Serdeable
    @Schema(name = "Declination")
    public record Declination(ConnectionView connection) {
    }

    /** The body as the API documents it, and as {@link #decline} reads it. */
    @Schema(name = "DeclineRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record DeclineRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = InvitationCode.PATTERN,
                                  description = "The invitation code, as the initiating admin gave it") String code) {
        static final String EXAMPLE = """
                {"code": "cbi_htwz7eaays78wcga_4h0wqp26wd4ggc11934cfb34z6bk1tev2pw4drg"}""";
    }
}
