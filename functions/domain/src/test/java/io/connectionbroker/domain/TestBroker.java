package io.connectionbroker.domain;

import io.connectionbroker.testing.SettableClock;

/** The domain operations wired on an in-memory store, a settable clock and real randomness. */
final class TestBroker {
    final InMemoryConnectionStore store = new InMemoryConnectionStore();
    final SettableClock clock = SettableClock.startingNow();
    final Entropy entropy = new SecureEntropy();
    final RegisterInstance register = new RegisterInstance(store, clock, entropy);
    final AuthenticateInstance authenticate = new AuthenticateInstance(store, clock);
    final InstanceKeys keys = new InstanceKeys(store, clock, entropy);
    final InitiateConnection initiate = new InitiateConnection(store, clock, entropy,
            InitiateConnection.DEFAULT_INVITATION_LIFETIME);
    final AcceptInvitation accept = new AcceptInvitation(store, clock);
    final ViewConnection view = new ViewConnection(store, clock);

    Instance instance(String url, Platform platform, License license, boolean isPublic) {
        return register.register(new RegisterInstance.Command(url, platform, license, isPublic)).instance();
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
