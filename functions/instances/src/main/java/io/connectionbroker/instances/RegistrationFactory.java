package io.connectionbroker.instances;

import io.connectionbroker.domain.ChangeInstanceUrl;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.Entropy;
import io.connectionbroker.domain.HelpdeskUsers;
import io.connectionbroker.domain.RecoverInstance;
import io.connectionbroker.domain.RegisterInstance;
import io.connectionbroker.domain.SetLicense;
import io.connectionbroker.helpdesk.HttpHelpdeskUsers;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What the instances function alone needs. Registration asks the helpdesk itself, so only this function carries the helpdesk adapter. In AWS it calls
 * the instance's own host; the local run and the tests point it at the stand-in helpdesks on loopback
 * ({@code connection-broker.helpdesk.stand-in}), which the template never sets.
 */
@Factory
public class RegistrationFactory {

    /** Secondary so that tests can put another in its place. */
    @Singleton
    @Secondary
    HelpdeskUsers helpdeskUsers(JsonMapper json,
                                @Property(name = "connection-broker.helpdesk.stand-in") @Nullable String standIn,
                                @Property(name = "connection-broker.helpdesk.time-limit") @Nullable Duration timeLimit) {
        return new HttpHelpdeskUsers(json, standIn == null || standIn.isBlank() ? null : URI.create(standIn),
                timeLimit == null ? HttpHelpdeskUsers.DEFAULT_TIME_LIMIT : timeLimit);
    }

    @Singleton
    RecoverInstance recoverInstance(ConnectionStore store, HelpdeskUsers helpdesks, Clock clock, Entropy entropy) {
        return new RecoverInstance(store, helpdesks, clock, entropy);
    }

    @Singleton
    ChangeInstanceUrl changeInstanceUrl(ConnectionStore store, HelpdeskUsers helpdesks, Clock clock) {
        return new ChangeInstanceUrl(store, helpdesks, clock);
    }

    @Singleton
    SetLicense setLicense(ConnectionStore store, Clock clock) {
        return new SetLicense(store, clock);
    }

    @Singleton
    RegisterInstance registerInstance(ConnectionStore store, HelpdeskUsers helpdesks, Clock clock, Entropy entropy) {
        return new RegisterInstance(store, helpdesks, clock, entropy);
    }
}
