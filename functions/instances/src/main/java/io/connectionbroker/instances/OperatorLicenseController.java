package io.connectionbroker.instances;

import io.connectionbroker.domain.Actor;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.connectionbroker.domain.IdempotentRequests;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.SetLicense;
import io.connectionbroker.web.body.JsonBodies;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.document.InstanceView;
import io.connectionbroker.web.document.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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

/**
 * {@code PUT /v1/operator/instances/{id}/license}: the operator sets an instance's licence. Not an instance's
 * call: in AWS the route is IAM-authorised (see {@link OperatorAccess}).
 */
@Controller("/v1/operator/instances/{id}/license")
@Tag(name = "Operator")
@SecurityRequirement(name = "operator")
public class OperatorLicenseController {
    private final OperatorAccess operator;
    private final JsonBodies bodies;
    private final SetLicense setLicense;
    private final IdempotentRequests requests;
    private final Clock clock;

    public OperatorLicenseController(OperatorAccess operator, JsonBodies bodies, SetLicense setLicense,
                                     IdempotentRequests requests, Clock clock) {
        this.operator = operator;
        this.bodies = bodies;
        this.setLicense = setLicense;
        this.requests = requests;
        this.clock = clock;
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setInstanceLicense", summary = "Set an instance's licence (operator only)",
            description = "The broker's operator sets the licence an instance runs under: TRIAL starts a new 30-day"
                    + " trial from now; FREE and PAID hold until set again. In AWS the route takes SigV4-signed"
                    + " requests of IAM principals allowed to invoke it, never an instance's API key.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LicenseRequest.class),
            examples = @ExampleObject(value = "{\"license\": \"PAID\"}")))
    @ApiResponse(responseCode = "200", description = "The instance with its licence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceView.class),
                    examples = @ExampleObject(value = """
                            {"id": "ea50b2ea-7651-422c-8ef6-d7572a30a853", "url": "https://acme.zendesk.com",
                             "platform": "ZENDESK", "license": "PAID", "trialEndsAt": "2026-12-24T08:47:29.910Z",
                             "public": true, "createdAt": "2026-11-24T08:47:29.910Z"}""")))
    @ApiResponse(responseCode = "400", ref = ProblemResponses.INVALID_REQUEST)
    @ApiResponse(responseCode = "403", ref = ProblemResponses.OPERATOR_ONLY)
    @ApiResponse(responseCode = "404", ref = ProblemResponses.INSTANCE_NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.PAYLOAD_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.TEMPORARILY_UNAVAILABLE)
    public InstanceView set(@Parameter(hidden = true) APIGatewayV2HTTPEvent event,
                            @Parameter(hidden = true) @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                            @PathVariable String id,
                            @Parameter(hidden = true) @Body @Nullable String body) {
        operator.check(event, authorization);
        JsonFields fields = bodies.read(body);
        License license = fields.as(LicenseRequest.class).license();
        fields.throwIfInvalid();
        // The operator has no feed: a licence change makes no event.
        return InstanceView.of(requests.commit(Actor.ANONYMOUS, () -> setLicense.set(id, license)), clock.instant());
    }

    /** The body as the API documents it, and as {@link #set} reads it. */
    @Schema(name = "LicenseRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record LicenseRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) License license) {
    }
}
