package io.connectionbroker.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Registers a helpdesk instance and issues its first API key. */
public final class RegisterInstance {
    private final ConnectionStore store;
    private final Clock clock;
    private final Entropy entropy;

    public RegisterInstance(ConnectionStore store, Clock clock, Entropy entropy) {
        this.store = store;
        this.clock = clock;
        this.entropy = entropy;
    }

    /** @param isPublic null means public: most instances are reachable */
    public record Command(String url, Platform platform, License license, Boolean isPublic) {
    }

    /** The new instance and its API key, which is shown this once. */
    public record Registered(Instance instance, ApiKey apiKey) {
    }

    public Registered register(Command command) {
        return register(command, Replayable.none());
    }

    public Registered register(Command command, Replayable<Registered> replay) {
        FieldChecks checks = new FieldChecks();
        InstanceUrl url = checks.valid(() -> InstanceUrl.parse("url", command.url()));
        checks.required("platform", command.platform(), "one of ZENDESK, FRESHDESK, FRESHSERVICE");
        checks.required("license", command.license(), "one of FREE, TRIAL, PAID");
        checks.throwIfInvalid();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instance instance = new Instance(entropy.uuid().toString(), url, command.platform(), command.license(),
                command.isPublic() == null || command.isPublic(), now);
        ApiKey key = ApiKey.issue(entropy);
        Registered registered = new Registered(instance, key);
        if (!store.registerInstance(instance, new InstanceKey(key.id(), instance.id(), key.hash(), now),
                replay.recordOf(registered))) {
            throw new InstanceAlreadyRegistered(url);
        }
        return registered;
    }
}
