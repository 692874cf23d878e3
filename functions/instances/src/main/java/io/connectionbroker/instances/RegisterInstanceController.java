package io.connectionbroker.instances;

import io.connectionbroker.domain.Actor;
import io.connectionbroker.domain.InstanceUrl;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.body.RefusedField;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.InstanceView;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;

/**
 * {@code POST /v1/instances}: registers a helpdesk instance and shows its API key once. No key needed: the
 * caller proves instead that it administers the helpdesk, with a credential the helpdesk itself confirms.
 */
@Controller("/v1/instances")
@Tag(name = "Instances")
public class RegisterInstanceController {
    private final JsonBodies bodies;
    private final RegisterInstance registerInstance;
    private final IdempotentAnswers answers;
    private final Clock clock;

    public RegisterInstanceController(JsonBodies bodies, RegisterInstance registerInstance, IdempotentAnswers answers,
                                      Clock clock) {
        this.bodies = bodies;
        this.registerInstance = registerInstance;
        this.answers = answers;
        this.clock = clock;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerInstance", summary = "Register an instance",
            description = "A helpdesk instance's app registers once and gets its API key, shown once: keep it; it"
                    + " authenticates every other request. No key is needed here: `proof` holds a credential of an"
                    + " administrator of the instance, which the broker sends to that instance's own current-user API"
                    + " once (never stored, logged or shown). The platform follows from the URL's host; a new instance"
                    + " starts on a 30-day TRIAL.")
    @SecurityRequirements
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RegisterRequest.class),
            examples = @ExampleObject(value = RegisterRequest.EXAMPLE)))
    @ApiResponse(responseCode = "201", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.CACHE_CONTROL, required = true, description = "`no-store`: the answer holds a secret shown once", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "no-store")),
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "Registered; the only answer that shows the key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Registration.class),
                    examples = @ExampleObject(value = Registration.EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "403", ref = ProblemResponses.NOT_AN_ADMINISTRATOR)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.INSTANCE_ALREADY_REGISTERED)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.REGISTRATION_REFUSED)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.REGISTRATION_UNAVAILABLE)
    public HttpResponse<?> register(HttpRequest<?> request,
                                    @Parameter(description = IdempotencyHeaders.REGISTRATION_KEY_DESCRIPTION)
                                    @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                    @Parameter(hidden = true) @Body @Nullable String body) {
        JsonFields fields = bodies.read(body);
        RegisterRequest read = fields.as(RegisterRequest.class);
        RegisterInstance.Command command = new RegisterInstance.Command(read.url(), read.platform(), read.reachable(),
                ProofFields.read(fields.object("proof")));
        fields.throwIfInvalid();
        return answers.<RegisterInstance.Registered>answer(request, Actor.ANONYMOUS, idempotencyKey, body,
                registerInstance.register(command),
                registered -> HttpResponse.created(new Registration(InstanceView.of(registered.instance(), clock.instant()),
                                registered.apiKey().reveal()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"));
    }

    /** The new instance and its API key: the only answer that ever shows the key. */
    @Serdeable
    @Schema(name = "Registration")
    public record Registration(InstanceView instance, String apiKey) {
        static final String EXAMPLE = """
                {"instance": {"id": "ea50b2ea-7651-422c-8ef6-d7572a30a853", "url": "https://acme.zendesk.com",
                              "platform": "ZENDESK", "license": "TRIAL", "trialEndsAt": "2026-12-24T08:47:29.910Z",
                              "public": true, "createdAt": "2026-11-24T08:47:29.910Z"},
                 "apiKey": "cbk_y0wr2s63e2269mxw_6ntgzs001zta04z46evgkt26x6cqdvd0333qqr6"}""";
    }

    /** The body as the API documents it, and as {@link #register} reads it (its proof by kind). */
    @RefusedField(name = "license", reason = "cannot be sent: a new instance starts on a 30-day TRIAL, and the"
            + " operator sets its licence after that")
    @Schema(name = "RegisterRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record RegisterRequest(@Schema(format = "uri", requiredMode = Schema.RequiredMode.REQUIRED,
                                   maxLength = InstanceUrl.MAX_LENGTH, pattern = InstanceUrl.PATTERN,
                                   description = "The instance's own address: https://<account>.zendesk.com,"
                                           + " https://<account>.freshdesk.com or https://<account>.freshservice.com")
                           String url,
                           @Nullable
                           @Schema(type = "string", description = "Optional; when sent, it must be the platform"
                                   + " of the URL's host")
                           Platform platform,
                           @Nullable @JsonProperty("public")
                           @Schema(name = "public", type = "boolean", nullable = true, description = "Whether other"
                                   + " instances can reach it; false for one in a closed network")
                           Boolean reachable,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProofFields.ProofBody proof) {
        static final String EXAMPLE = """
                {"url": "https://acme.zendesk.com", "public": true,
                 "proof": {"kind": "API_TOKEN", "email": "admin@acme.com", "token": "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv"}}""";
    }

}
