package io.connectionbroker.instances;

import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceKeys;
import io.connectionbroker.idempotency.IdempotentAnswers;
import io.connectionbroker.web.CallerInstance;
import io.connectionbroker.web.document.IdempotencyHeaders;
import io.connectionbroker.web.document.IdempotencyKeyRefusals;
import io.connectionbroker.web.document.InstanceView;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The calling instance's own record and API keys: {@code GET /v1/instances/me},
 * {@code POST /v1/instances/me/keys}, {@code DELETE /v1/instances/me/keys/{keyId}}. To rotate a key, issue a
 * new one, put it in the app, then revoke the old one.
 */
@Controller("/v1/instances/me")
@Tag(name = "Instances")
@SecurityRequirement(name = "apiKey")
public class InstanceKeysController {
    private final CallerInstance callers;
    private final InstanceKeys instanceKeys;
    private final IdempotentAnswers answers;
    private final IdempotentRequests requests;
    private final java.time.Clock clock;

    public InstanceKeysController(CallerInstance callers, InstanceKeys instanceKeys, IdempotentAnswers answers,
                                  IdempotentRequests requests, java.time.Clock clock) {
        this.callers = callers;
        this.instanceKeys = instanceKeys;
        this.answers = answers;
        this.requests = requests;
        this.clock = clock;
    }

    @Get
    @Operation(operationId = "getOwnInstance", summary = "Read the caller's instance and its API keys",
            description = "The instance the key belongs to, and each of its keys (never a secret), oldest first;"
                    + " `lastUsedAt` is recorded to the hour.")
    @ApiResponse(responseCode = "200", description = "The instance and its keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OwnInstance.class),
                    examples = @ExampleObject(value = OwnInstance.EXAMPLE)))
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public OwnInstance view(@Parameter(hidden = true)
                            @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        InstanceKeys.Keys keys = instanceKeys.view(callers.from(authorization));
        return new OwnInstance(InstanceView.of(keys.instance(), clock.instant()), keys.keys().stream().map(KeyView::of).toList());
    }

    @Post("/keys")
    @Operation(operationId = "issueApiKey", summary = "Issue another API key",
            description = "A new key for the caller's instance, shown in this answer only. The instance may hold "
                    + InstanceKeys.MAX_KEYS + " keys. No body.")
    @ApiResponse(responseCode = "201", headers = {
            @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.CACHE_CONTROL, required = true, description = "`no-store`: the answer holds a secret shown once", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "no-store")),
            @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.REPLAYED, description = "`true` when this is the first answer sent again, for the same Idempotency-Key", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", allowableValues = "true"))},
            description = "The new key; the only answer that shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKey.class),
                    examples = @ExampleObject(value = IssuedKey.EXAMPLE)))
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.KEY_LIMIT_REACHED)
    @IdempotencyKeyRefusals
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public HttpResponse<?> issue(HttpRequest<?> request,
                                 @Parameter(hidden = true)
                                 @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                 @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                                 @Header(IdempotencyHeaders.KEY) @Nullable String idempotencyKey) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        return answers.<InstanceKeys.Issued>answer(request, calling.actor(), idempotencyKey, null,
                () -> instanceKeys.issue(caller),
                issued -> HttpResponse.created(new IssuedKey(issued.key().keyId(), issued.apiKey().reveal()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"));
    }

    @Delete("/keys/{keyId}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once, the calling key included. The last key cannot be revoked.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "401", ref = ProblemResponses.UNAUTHENTICATED)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.KEY_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.LAST_KEY)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public HttpResponse<Void> revoke(@Parameter(hidden = true)
                                     @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                     @PathVariable String keyId) {
        Caller calling = callers.caller(authorization);
        Instance caller = calling.instance();
        requests.commit(calling.actor(), () -> instanceKeys.revoke(caller, keyId));
        return HttpResponse.noContent();
    }

    /** The caller's instance and its keys. */
    @Serdeable
    @Schema(name = "OwnInstance")
    public record OwnInstance(InstanceView instance, List<KeyView> keys) {
        static final String EXAMPLE = """
                {"instance": {"id": "ea50b2ea-7651-422c-8ef6-d7572a30a853", "url": "https://acme.zendesk.com",
                              "platform": "ZENDESK", "license": "TRIAL", "trialEndsAt": "2026-12-24T08:47:29.910Z",
                              "public": true, "createdAt": "2026-11-24T08:47:29.910Z"},
                 "keys": [{"keyId": "y0wr2s63e2269mxw", "createdAt": "2026-11-24T08:47:29.910Z",
                           "lastUsedAt": "2026-11-24T09:12:03.551Z"},
                          {"keyId": "k2v9w0c7m1q4r8zt", "createdAt": "2026-11-24T09:30:00.000Z", "lastUsedAt": null}]}""";
    }

    /** One key, without its secret. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    @Schema(name = "ApiKeyInfo")
    public record KeyView(String keyId, @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
                          String createdAt,
                          @io.micronaut.core.annotation.Nullable
                          @Schema(format = "date-time", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED,
                                  description = "null until first used")
                          String lastUsedAt) {
        static KeyView of(InstanceKey key) {
            return new KeyView(key.keyId(), key.createdAt().toString(),
                    key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
        }
    }

    /** A new key: the only answer that ever shows it. */
    @Serdeable
    @Schema(name = "IssuedKey")
    public record IssuedKey(String keyId, String apiKey) {
        static final String EXAMPLE = """
                {"keyId": "k2v9w0c7m1q4r8zt", "apiKey": "cbk_k2v9w0c7m1q4r8zt_3jd8xk2m0q9w4e7r1t6y5u8i2o0p3a5s7d9f1g"}""";
    }
}
