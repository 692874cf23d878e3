package io.connectionbroker.instances;

import io.connectionbroker.domain.Actor;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.domain.RecoverInstance;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.instances.InstanceKeysController.IssuedKey;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
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
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /v1/instances/recover}: an administrator who lost every API key proves control of the helpdesk
 * again and gets a new key; every other key of the instance is revoked at once. No key needed.
 */
@Controller("/v1/instances/recover")
@Tag(name = "Instances")
public class RecoverInstanceController {
    private final JsonBodies bodies;
    private final RecoverInstance recoverInstance;
    private final IdempotentAnswers answers;

    public RecoverInstanceController(JsonBodies bodies, RecoverInstance recoverInstance, IdempotentAnswers answers) {
        this.bodies = bodies;
        this.recoverInstance = recoverInstance;
        this.answers = answers;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recoverInstance", summary = "Recover an instance's API access",
            description = "For an app that lost every API key: `proof` holds a credential of an administrator of the"
                    + " instance, which the broker sends to the instance's own current-user API once, as at"
                    + " registration. The answer is a new key, shown once; every other key of the instance stops"
                    + " working at once.")
    @SecurityRequirements
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RecoverRequest.class),
            examples = @ExampleObject(value = RecoverRequest.EXAMPLE)))
    @ApiResponse(responseCode = "201", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.CACHE_CONTROL, required = true, description = "`no-store`: the answer holds a secret shown once", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "no-store")),
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The new key; the only answer that shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKey.class),
                    examples = @ExampleObject(value = IssuedKey.EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "403", ref = ProblemResponses.NOT_AN_ADMINISTRATOR)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.INSTANCE_NOT_REGISTERED)
    @ApiResponse(responseCode = "422", ref = ProblemResponses.REGISTRATION_REFUSED)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.REGISTRATION_UNAVAILABLE)
    public HttpResponse<?> recover(HttpRequest<?> request,
                                   @Parameter(description = IdempotencyHeaders.REGISTRATION_KEY_DESCRIPTION)
                                   @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey,
                                   @Parameter(hidden = true) @Body @Nullable String body) {
        JsonFields fields = bodies.read(body);
        RecoverInstance.Command command = new RecoverInstance.Command(fields.as(RecoverRequest.class).url(),
                ProofFields.read(fields.object("proof")));
        fields.throwIfInvalid();
        return answers.<InstanceKeys.Issued>answer(request, Actor.ANONYMOUS, idempotencyKey, body,
                recoverInstance.recover(command),
                issued -> HttpResponse.created(new IssuedKey(issued.key().keyId(), issued.apiKey().reveal()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"));
    }

    /** The body as the API documents it, and as {@link #recover} reads it (its proof by kind). */
    @Schema(name = "RecoverRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record RecoverRequest(@Schema(format = "uri", requiredMode = Schema.RequiredMode.REQUIRED,
                                  maxLength = InstanceUrl.MAX_LENGTH, pattern = InstanceUrl.PATTERN,
                                  description = "The instance's own address, as registered") String url,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProofFields.ProofBody proof) {
        static final String EXAMPLE = """
                {"url": "https://beta.freshdesk.com", "proof": {"kind": "API_KEY", "apiKey": "Jx8bQz3fK1pL9sT2vW4y"}}""";
    }
}
