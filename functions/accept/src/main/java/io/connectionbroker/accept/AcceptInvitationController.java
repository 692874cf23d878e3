package io.connectionbroker.accept;

import io.connectionbroker.domain.AppUrls;
import io.connectionbroker.domain.Texts;
import io.connectionbroker.domain.InvitationCode;
import io.connectionbroker.domain.AcceptInvitation;
import io.connectionbroker.domain.Connection;
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

/** {@code POST /v1/invitations/accept}: the invited instance accepts with the code and picks its project. */
@Controller("/v1/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "apiKey")
public class AcceptInvitationController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final AcceptInvitation acceptInvitation;
    private final IdempotentAnswers answers;
    private final AppUrls appUrls;

    public AcceptInvitationController(CallerInstance callers, JsonBodies bodies, AcceptInvitation acceptInvitation,
                                      IdempotentAnswers answers, AppUrls appUrls) {
        this.appUrls = appUrls;
        this.callers = callers;
        this.bodies = bodies;
        this.acceptInvitation = acceptInvitation;
        this.answers = answers;
    }

    @Post("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @CountsAs(BrokerMetrics.INVITATIONS_ACCEPTED)
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
            description = "The destination's admin pastes the code and picks the project for incoming items; the"
                    + " connection becomes ACTIVE. A code works once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AcceptRequest.class),
            examples = @ExampleObject(value = AcceptRequest.EXAMPLE)))
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The connection, now ACTIVE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acceptance.class),
                    examples = @ExampleObject(value = "{\"connection\": " + ApiExamples.ACTIVE_CONNECTION + "}")))
    @AnswersAnInvitation
    @ApiResponse(responseCode = "422", ref = ProblemResponses.MODE_NOT_OFFERED)
    public HttpResponse<?> accept(HttpRequest<?> request,
                                  @Parameter(hidden = true)
                                  @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                  @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        JsonFields fields = bodies.read(body);
        AcceptRequest read = fields.as(AcceptRequest.class);
        AcceptInvitation.Command command = new AcceptInvitation.Command(read.code(), read.project());
        if (command.code() == null) {
            fields.reject("code", "is required: the invitation code the initiating admin gave you");
        }
        fields.throwIfInvalid();
        return answers.<Connection>answer(request, calling.actor(), idempotencyKey, body,
                () -> acceptInvitation.accept(caller, command),
                accepted -> HttpResponse.ok(new Acceptance(ConnectionView.of(accepted, caller.id(), appUrls))));
    }

    /** The connection, now active. */
    @Serdeable
    @Schema(name = "Acceptance")
    public record Acceptance(ConnectionView connection) {
    }

    /** The body as the API documents it, and as {@link #accept} reads it. */
    @Schema(name = "AcceptRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record AcceptRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = InvitationCode.PATTERN,
                                 description = "The invitation code, as the initiating admin gave it") String code,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
                                 maxLength = Texts.PROJECT_MAX, description = "Where your instance puts items that"
                                 + " arrive through this connection; one line")
                         String project) {
        static final String EXAMPLE = """
                {"code": "cbi_htwz7eaays78wcga_4h0wqp26wd4ggc11934cfb34z6bk1tev2pw4drg", "project": "HELP"}""";
    }
}
