package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.HelpdeskUnavailable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helpdesks whose users the tests know: the credential {@value #ADMIN} is an administrator's, {@value #AGENT}
 * a user's who is not, {@value #DOWN} finds the helpdesk unavailable, anything else is refused.
 */
final class KnownHelpdesks implements HelpdeskUsers {
    static final String ADMIN = "admin-secret";
    static final String AGENT = "agent-secret";
    static final String DOWN = "helpdesk-down";
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public CurrentUser currentUser(InstanceUrl instance, Proof proof) {
        asked.incrementAndGet();
        String secret = proof instanceof Proof.ApiToken token ? token.token()
                : proof instanceof Proof.ApiKey key ? key.apiKey() : ((Proof.OAuth) proof).accessToken();
        return switch (secret) {
            case ADMIN -> new Administrator();
            case AGENT -> new NotAdministrator();
            case DOWN -> throw new HelpdeskUnavailable("it could not be reached");
            default -> new NotAUser("the helpdesk refused the credential");
        };
    }
}
