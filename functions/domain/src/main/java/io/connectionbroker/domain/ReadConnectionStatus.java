package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import java.time.Clock;

/**
 * A connection's status as one of its sides reads it, the most frequent request there is: the caller's key
 * and the connection are read in one round trip ({@link ConnectionStore#findHeldKeyAndConnection}), then the
 * caller is authenticated exactly as {@link AuthenticateInstance} does before anything of the connection is
 * looked at.
 */
public final class ReadConnectionStatus {
    private final ConnectionStore store;
    private final AuthenticateInstance authenticate;
    private final Clock clock;

    public ReadConnectionStatus(ConnectionStore store, AuthenticateInstance authenticate, Clock clock) {
        this.store = store;
        this.authenticate = authenticate;
        this.clock = clock;
    }

    /**
     * @param apiKeyText   the key as the caller sent it, or null when it sent none
     * @param connectionId the connection asked for, as sent
     * @throws io.connectionbroker.domain.refusal.Unauthenticated before any other refusal, as every route does
     */
    public StatusRead read(String apiKeyText, String connectionId) {
        ApiKey key = authenticate.parse(apiKeyText);
        if (!ViewConnection.wellFormed(connectionId)) {
            return new StatusRead(authenticate.caller(key, store.findHeldKey(key.id())), null);
        }
        ConnectionStore.KeyAndConnection read = store.findHeldKeyAndConnection(key.id(), connectionId);
        Caller caller = authenticate.caller(key, read.key());
        return new StatusRead(caller, read.connection().filter(connection -> connection.hasSide(caller.id()))
                .map(connection -> connection.asSeenAt(clock.instant())).orElse(null));
    }

    /**
     * The authenticated caller and what it is shown: known before the answer is, so that the request's log
     * names the caller whatever the answer.
     *
     * @param seen the connection as the caller sees it now, or null when it is not one of its sides' (or none)
     */
    public record StatusRead(Caller caller, Connection seen) {
        /** @throws ConnectionNotFound alike for an unknown id and for a connection the caller is not a side of */
        public Connection connection() {
            if (seen == null) {
                throw new ConnectionNotFound();
            }
            return seen;
        }
    }
}
