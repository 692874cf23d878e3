package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.connectionbroker.domain.refusal.NotAnAdministrator;
import io.connectionbroker.domain.refusal.OwnershipNotProven;
import io.connectionbroker.domain.refusal.PlatformMismatch;

/**
 * What registering an instance, recovering its keys and moving it to a new URL all ask first: that the
 * helpdesk at the URL itself confirms the credential in {@code proof} as one of its administrators'.
 * Nothing is asked of the helpdesk until the request's own fields are right.
 */
final class ProofOfControl {
    private final HelpdeskUsers helpdesks;

    ProofOfControl(HelpdeskUsers helpdesks) {
        this.helpdesks = helpdesks;
    }

    /**
     * @param claimed the platform the caller named, or null
     * @return the URL, normalised, once its helpdesk confirmed an administrator
     * @throws InvalidRequest         a field is missing or malformed (nothing was asked of the helpdesk)
     * @throws UnsupportedInstanceUrl the URL is not a helpdesk instance's
     * @throws PlatformMismatch       the platform named is not the URL's
     * @throws OwnershipNotProven     the helpdesk refused the credential
     * @throws NotAnAdministrator     the credential is a user's who does not administer the helpdesk
     * @throws HelpdeskUnavailable    the helpdesk could not be asked
     */
    InstanceUrl confirm(String url, Platform claimed, Proof proof) {
        FieldErrors checks = new FieldErrors();
        checks.required("url", url == null || url.isBlank() ? null : url,
                "the instance's https URL, for example https://acme.zendesk.com");
        checks.required("proof", proof, "a credential of an administrator of the instance, for"
                + " example {\"kind\": \"API_TOKEN\", \"email\": \"...\", \"token\": \"...\"} for Zendesk");
        checks.throwIfInvalid();
        InstanceUrl instanceUrl = InstanceUrl.parse("url", url);
        if (claimed != null && claimed != instanceUrl.platform()) {
            throw new PlatformMismatch(instanceUrl, claimed);
        }
        ProofChecks.check(proof, instanceUrl.platform());
        HelpdeskUsers.CurrentUser user = helpdesks.currentUser(instanceUrl, proof);
        if (user instanceof HelpdeskUsers.NotAUser notAUser) {
            throw new OwnershipNotProven(instanceUrl, notAUser.reason());
        }
        if (!(user instanceof HelpdeskUsers.Administrator)) {
            throw new NotAnAdministrator(instanceUrl);
        }
        return instanceUrl;
    }

    /**
     * The same confirmation, asked of the helpdesk on the first call only: an operation that decides again
     * (its commit lost to another request) does not ask the helpdesk again.
     */
    java.util.function.Supplier<InstanceUrl> confirmOnce(String url, Platform claimed, Proof proof) {
        InstanceUrl[] confirmed = new InstanceUrl[1];
        return () -> {
            if (confirmed[0] == null) {
                confirmed[0] = confirm(url, claimed, proof);
            }
            return confirmed[0];
        };
    }
}
