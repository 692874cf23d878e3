package io.connectionbroker.web;

import io.connectionbroker.domain.AuthenticateInstance;
import io.connectionbroker.domain.Caller;
import io.connectionbroker.domain.Instance;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.slf4j.MDC;

/** Identifies the calling instance from its {@code Authorization: Bearer <API key>} header. */
@Singleton
public class CallerInstance {
    /** The log field that names the caller: its instance id, never its key. */
    public static final String LOG_FIELD = "instanceId";
    private static final String BEARER = "bearer ";

    private final AuthenticateInstance authenticate;

    public CallerInstance(AuthenticateInstance authenticate) {
        this.authenticate = authenticate;
    }

    /** @throws io.connectionbroker.domain.refusal.Unauthenticated when the header holds no key of a registered instance */
    public Instance from(@Nullable String authorization) {
        return caller(authorization).instance();
    }

    /**
     * The calling instance with the id of the key it called with, which the events of its changes name.
     *
     * @throws io.connectionbroker.domain.refusal.Unauthenticated when the header holds no key of a registered instance
     */
    public Caller caller(@Nullable String authorization) {
        return named(authenticate.caller(bearerKey(authorization)));
    }

    /** The API key an {@code Authorization: Bearer <key>} header holds, or null, for an operation that authenticates. */
    @Nullable
    public static String bearerKey(@Nullable String authorization) {
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    /** Names the authenticated caller in the request's log line. */
    public static Caller named(Caller caller) {
        MDC.put(LOG_FIELD, caller.id());
        return caller;
    }
}
