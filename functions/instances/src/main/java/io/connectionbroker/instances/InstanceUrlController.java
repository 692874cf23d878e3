package io.connectionbroker.instances;

import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.ChangeInstanceUrl;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;

/** {@code POST /v1/instances/me/url}: the caller's helpdesk moved to another address; the instance follows. */
@Controller("/v1/instances/me/url")
@Tag(name = "Instances")
@SecurityRequirement(name = "apiKey")
public class InstanceUrlController {
    private final CallerInstance callers;
    private final JsonBodies bodies;
    private final ChangeInstanceUrl changeInstanceUrl;
    private final IdempotentAnswers answers;
    private final Clock clock;

    public InstanceUrlController(CallerInstance callers, JsonBodies bodies, ChangeInstanceUrl changeInstanceUrl,
                                 IdempotentAnswers answers, Clock clock) {
        this.callers = callers;
        this.bodies = bodies;
        this.changeInstanceUrl = changeInstanceUrl;
        this.answers = answers;
        this.clock = clock;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeInstanceUrl", summary = "Move the caller's instance to its helpdesk's new URL",
            description = "After a sub-domain rename: `proof` holds a credential of an administrator of the helpdesk"
                    + " at the new URL, checked as at registration. The instance keeps its id, keys, licence and"
                    + " connections; both sides of each connection see the new URL; the old URL is free to register,"
                    + " and until someone does, invitations addressed to it remain this instance's to accept. A `503`"
                    + " may leave some connections showing the old URL: send the same request again to finish.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UrlChange.class),
            examples = @ExampleObject(value = UrlChange.EXAMPLE)))
    @ApiResponse(responseCode = "200", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The instance at its new URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceView.class),
                    examples = @ExampleObject(value = """
                            {"id": "ea50b2ea-7651-422c-8ef6-d7572a30a853", "url": "https://acme-support.zendesk.com",
                             "platform": "ZENDESK", "license": "TRIAL", "trialEndsAt": "2026-12-24T08:47:29.910Z",
                             "public": true, "createdAt": "2026-11-24T08:47:29.910Z"}""")))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "403", ref = ProblemResponses.NOT_AN_ADMINISTRATOR)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.INSTANCE_ALREADY_REGISTERED)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.REGISTRATION_REFUSED)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.REGISTRATION_UNAVAILABLE)
    public HttpResponse<?> change(HttpRequest<?> request,
                                  @Parameter(hidden = true)
                                  @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                  @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                  @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                  @Parameter(hidden = true) @Body @Nullable String body) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        JsonFields fields = bodies.read(body);
        ChangeInstanceUrl.Command command = new ChangeInstanceUrl.Command(fields.as(UrlChange.class).url(),
                ProofFields.read(fields.object("proof")));
        fields.throwIfInvalid();
        return answers.<Instance>answer(request, calling.actor(), idempotencyKey, body,
                changeInstanceUrl.change(caller, command),
                moved -> HttpResponse.ok(InstanceView.of(moved, clock.instant())));
    }

    /** The body as the API documents it, and as {@link #change} reads it (its proof by kind). */
    @Schema(name = "UrlChange", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record UrlChange(@Schema(format = "uri", requiredMode = Schema.RequiredMode.REQUIRED,
                             maxLength = InstanceUrl.MAX_LENGTH, pattern = InstanceUrl.PATTERN,
                             description = "The helpdesk's new address, on the same platform") String url,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProofFields.ProofBody proof) {
        static final String EXAMPLE = """
                {"url": "https://acme-support.zendesk.com",
                 "proof": {"kind": "API_TOKEN", "email": "admin@acme.com", "token": "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv"}}""";
    }
}
