package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import io.connectionbroker.testing.SettableClock;

/** The domain operations wired on an in-memory store, a settable clock and real randomness. */
final class TestBroker {
    final InMemoryConnectionStore store = new InMemoryConnectionStore();
    final SettableClock clock = SettableClock.startingNow();
    final Entropy entropy = new SecureEntropy();
    final KnownHelpdesks helpdesks = new KnownHelpdesks();
    final RegisterInstance register = new RegisterInstance(store, helpdesks, clock, entropy);
    final AuthenticateInstance authenticate = new AuthenticateInstance(store, clock);
    final InstanceKeys keys = new InstanceKeys(store, clock, entropy);
    final InitiateConnection initiate = new InitiateConnection(store, clock, entropy,
            InitiateConnection.DEFAULT_INVITATION_LIFETIME);
    final AcceptInvitation accept = new AcceptInvitation(store, clock);
    final ViewConnection view = new ViewConnection(store, clock);
    final IdempotentRequests requests = new IdempotentRequests(store, clock);

    /** Commits what the operation decides, as every request without an Idempotency-Key is run. */
    <R> R commit(java.util.function.Supplier<Decision<R>> decide) {
        return requests.commit(Actor.ANONYMOUS, decide);
    }

    /** Registered with an administrator's proof: a new instance, on its trial. */
    RegisterInstance.Registered register(String url) {
        return commit(register.register(new RegisterInstance.Command(url, null, true, new Proof.OAuth(KnownHelpdesks.ADMIN))));
    }

    /** An instance as registration and then the operator left it: with the licence the test needs. */
    Instance instance(String url, Platform platform, License license, boolean isPublic) {
        InstanceUrl parsed = InstanceUrl.parse("url", url);
        if (parsed.platform() != platform) {
            throw new IllegalArgumentException(url + " is not a " + platform + " URL");
        }
        java.time.Instant now = clock.instant();
        Instance instance = new Instance(entropy.uuid().toString(), parsed, platform, license,
                now.plus(Instance.TRIAL), isPublic, now);
        ApiKey key = ApiKey.issue(entropy);
        if (!store.registerInstance(instance, new InstanceKey(key.id(), instance.id(), key.hash(), now), java.util.List.of(), null)) {
            throw new InstanceAlreadyRegistered(parsed);
        }
        return instance;
    }

    Instance instance(String url, Platform platform) {
        return instance(url, platform, License.PAID, true);
    }

    static InitiateConnection.Command toUrl(String url, Mode mode) {
        return new InitiateConnection.Command(url, false, mode, "acme", "beta", null, null, "SUPPORT");
    }

    static InitiateConnection.Command toPrivate(Mode mode) {
        return new InitiateConnection.Command(null, true, mode, "acme", "beta", null, null, "SUPPORT");
    }
}
