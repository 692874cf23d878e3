package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;

/** What a proof must hold before it is sent to the helpdesk: the platform's kind, with every part filled. */
final class ProofChecks {
    static final int PART_MAX = Proof.PART_MAX;

    private ProofChecks() {
    }

    /** @throws InvalidRequest naming each part of the proof that is wrong, never repeating it */
    static void check(Proof proof, Platform platform) {
        FieldErrors checks = new FieldErrors();
        if (!Proof.Kind.takenBy(platform).contains(proof.kind())) {
            checks.reject("proof.kind", "must be one of " + Proof.Kind.takenBy(platform).stream().sorted().toList()
                    + " for a " + platform + " instance");
        }
        if (proof instanceof Proof.ApiToken token) {
            part(checks, "proof.email", token.email());
            part(checks, "proof.token", token.token());
            if (token.email() != null && token.email().contains(":")) {
                checks.reject("proof.email", "must be the agent's email address");
            }
        } else if (proof instanceof Proof.ApiKey key) {
            part(checks, "proof.apiKey", key.apiKey());
        } else if (proof instanceof Proof.OAuth oauth) {
            part(checks, "proof.accessToken", oauth.accessToken());
        }
        checks.throwIfInvalid();
    }

    private static void part(FieldErrors checks, String field, String value) {
        if (value == null || value.isBlank()) {
            checks.reject(field, "is required");
        } else if (value.length() > PART_MAX || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            checks.reject(field, "must be at most " + PART_MAX + " visible ASCII characters, as the helpdesk"
                    + " issued it");
        }
    }
}
