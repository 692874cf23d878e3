package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.InstanceNotRegistered;
import io.connectionbroker.domain.refusal.NotAnAdministrator;
import io.connectionbroker.domain.refusal.OwnershipNotProven;
import io.connectionbroker.domain.refusal.Unauthenticated;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoverInstanceTest {
    private final TestBroker broker = new TestBroker();
    private final RecoverInstance recover = new RecoverInstance(broker.store, broker.helpdesks, broker.clock,
            broker.entropy);

    @Test
    void theRecoveredKeyIsTheInstancesOnlyKey() {
        RegisterInstance.Registered acme = broker.register("https://acme.zendesk.com");
        broker.commit(() -> broker.keys.issue(acme.instance()));

        InstanceKeys.Issued issued = broker.commit(recover.recover(new RecoverInstance.Command("https://ACME.zendesk.com",
                new Proof.ApiToken("admin@acme.test", KnownHelpdesks.ADMIN))));

        assertEquals(List.of(issued.key()), broker.keys.view(acme.instance()).keys());
        assertEquals(acme.instance(), broker.authenticate.authenticate(issued.apiKey().reveal()));
        assertThrows(Unauthenticated.class, () -> broker.authenticate.authenticate(acme.apiKey().reveal()));
    }

    @Test
    void nothingChangesWithoutAConfirmedAdministratorOrARegisteredInstance() {
        RegisterInstance.Registered acme = broker.register("https://acme.zendesk.com");

        assertThrows(NotAnAdministrator.class, () -> broker.commit(recover.recover(new RecoverInstance.Command(
                "https://acme.zendesk.com", new Proof.OAuth(KnownHelpdesks.AGENT)))));
        assertThrows(OwnershipNotProven.class, () -> broker.commit(recover.recover(new RecoverInstance.Command(
                "https://acme.zendesk.com", new Proof.OAuth("made-up")))));
        assertThrows(InstanceNotRegistered.class, () -> broker.commit(recover.recover(new RecoverInstance.Command(
                "https://other.zendesk.com", new Proof.OAuth(KnownHelpdesks.ADMIN)))));

        assertEquals(acme.instance(), broker.authenticate.authenticate(acme.apiKey().reveal()));
    }
}
