package io.connectionbroker.instances;

import io.connectionbroker.domain.Proof;
import io.connectionbroker.web.body.JsonFields;
import io.connectionbroker.web.body.ReadApart;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code proof} object of the requests that prove control of a helpdesk, read by its kind. */
final class ProofFields {
    private ProofFields() {
    }

    /** The proof, or null when absent or when its kind is not one of the kinds (the fields then say why). */
    static Proof read(JsonFields proof) {
        if (proof == null) {
            return null;
        }
        Proof.Kind kind = proof.enumValue("kind", Proof.Kind.class);
        if (kind == null) {
            proof.allowOnly("kind", "email", "token", "apiKey", "accessToken");
            if (!proof.has("kind")) {
                proof.reject("kind", "is required: one of " + java.util.Arrays.toString(Proof.Kind.values()));
            }
            return null;
        }
        return switch (kind) {
            case API_TOKEN -> new Proof.ApiToken(proof.allowOnly("kind", "email", "token").string("email"),
                    proof.string("token"));
            case API_KEY -> new Proof.ApiKey(proof.allowOnly("kind", "apiKey").string("apiKey"));
            case OAUTH -> new Proof.OAuth(proof.allowOnly("kind", "accessToken").string("accessToken"));
        };
    }

    /**
     * A credential of an administrator of the instance, for its own REST API, as the API documents it; which of
     * its fields a proof has depends on its kind, so {@link #read} reads it.
     */
    @ReadApart
    @Schema(name = "Proof", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "Zendesk: API_TOKEN (email and token) or OAUTH (accessToken); Freshdesk and Freshservice:"
                    + " API_KEY (apiKey) or OAUTH (accessToken). Used for one call to the instance and never kept.")
    record ProofBody(@Schema(implementation = Proof.Kind.class, requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                     @Nullable @Schema(description = "API_TOKEN: the administrator's email address",
                             pattern = Proof.PART_PATTERN) String email,
                     @Nullable @Schema(description = "API_TOKEN: a Zendesk API token", pattern = Proof.PART_PATTERN)
                     String token,
                     @Nullable @Schema(description = "API_KEY: the administrator's Freshdesk or Freshservice API key",
                             pattern = Proof.PART_PATTERN) String apiKey,
                     @Nullable @Schema(description = "OAUTH: an access token of the administrator",
                             pattern = Proof.PART_PATTERN) String accessToken) {
    }
}
