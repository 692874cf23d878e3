package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import io.connectionbroker.domain.refusal.NotAnAdministrator;
import io.connectionbroker.domain.refusal.PlatformMismatch;
import org.junit.jupiter.api.Test;

class ChangeInstanceUrlTest {
    private final TestBroker broker = new TestBroker();
    private final ChangeInstanceUrl change = new ChangeInstanceUrl(broker.store, broker.helpdesks, broker.clock);
    private final Instance acme = broker.register("https://acme.zendesk.com").instance();
    private final Instance beta = broker.register("https://beta.zendesk.com").instance();

    private Instance moveAcme(String url, String secret) {
        return broker.commit(change.change(acme, new ChangeInstanceUrl.Command(url, new Proof.OAuth(secret))));
    }

    @Test
    void theInstanceKeepsItsIdentityAndEveryConnectionShowsItsNewUrl() {
        Connection active = broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(
                broker.commit(() -> broker.initiate.initiate(acme, TestBroker.toUrl("https://beta.zendesk.com", Mode.BASIC))).code().reveal(),
                "HELP")));
        InitiateConnection.Initiated pending = broker.commit(() -> broker.initiate.initiate(beta, TestBroker.toUrl("https://acme.zendesk.com",
                Mode.BASIC)));

        Instance moved = moveAcme("https://acme-support.zendesk.com", KnownHelpdesks.ADMIN);

        assertEquals(acme.id(), moved.id());
        assertEquals("https://acme-support.zendesk.com", moved.url().value());
        assertEquals(moved.url(), broker.view.view(beta, active.id()).source().url());
        // The invitation addressed to the old URL is still the moved instance's to accept.
        Connection accepted = broker.commit(() -> broker.accept.accept(moved, new AcceptInvitation.Command(pending.code().reveal(), "HELP")));
        assertEquals(moved.url(), accepted.destination().url());
        // The old URL is free to register.
        assertEquals("https://acme.zendesk.com", broker.register("https://acme.zendesk.com").instance().url().value());
    }

    @Test
    void aUrlTakenAnotherPlatformOrNoAdministratorChangesNothing() {
        assertThrows(InstanceAlreadyRegistered.class, () -> moveAcme("https://beta.zendesk.com", KnownHelpdesks.ADMIN));
        assertThrows(PlatformMismatch.class, () -> moveAcme("https://acme.freshdesk.com", KnownHelpdesks.ADMIN));
        assertThrows(NotAnAdministrator.class, () -> moveAcme("https://acme-new.zendesk.com", KnownHelpdesks.AGENT));

        assertEquals(acme, broker.store.findInstance(acme.id()).orElseThrow());
    }
}
