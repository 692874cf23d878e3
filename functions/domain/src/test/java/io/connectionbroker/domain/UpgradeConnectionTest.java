package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.ConnectionStateConflict;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.ModeFixed;
import io.connectionbroker.domain.refusal.ModeNotOffered;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpgradeConnectionTest {
    private final TestBroker broker = new TestBroker();
    private final UpgradeConnection upgrade = new UpgradeConnection(broker.store, broker.clock);
    private final SyncRules rules = new SyncRules(broker.store, broker.clock);
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.zendesk.com", Platform.ZENDESK);

    private String active(Instance initiator, String destinationUrl, Instance destination, Mode mode) {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(initiator, toUrl(destinationUrl, mode)));
        return broker.commit(() -> broker.accept.accept(destination, new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))).id();
    }

    @Test
    void aBasicConnectionBecomesScriptWithGeneratedRulesPerSide() {
        String id = active(acme, "https://beta.zendesk.com", beta, Mode.BASIC);

        Connection upgraded = broker.commit(() -> upgrade.upgrade(beta, id, Mode.SCRIPT));

        assertEquals(Mode.SCRIPT, upgraded.mode());
        assertEquals(ConnectionStatus.ACTIVE, upgraded.status());
        assertEquals(Mode.SCRIPT, broker.view.view(acme, id).mode());
        assertEquals(5, rules.view(acme, id).rules().outgoing().size());
        assertEquals(SyncRules.Side.DESTINATION, rules.view(beta, id).side());
        assertEquals(2, broker.commit(() -> rules.replace(acme, id, 1, java.util.List.of(), java.util.List.of())).rules().version(),
                "the upgraded rules are editable");
    }

    @Test
    void aBasicConnectionBecomesVisualWithOneSharedSet() {
        String id = active(acme, "https://beta.zendesk.com", beta, Mode.BASIC);

        broker.commit(() -> upgrade.upgrade(acme, id, Mode.VISUAL));

        broker.commit(() -> rules.replace(beta, id, 1, java.util.List.of(), java.util.List.of()));
        assertEquals(2, rules.view(acme, id).rules().version());
    }

    @Test
    void visualAndScriptNeverSwitch() {
        String visual = active(acme, "https://beta.zendesk.com", beta, Mode.VISUAL);
        String script = active(acme, "https://beta.zendesk.com", beta, Mode.SCRIPT);

        assertTrue(assertThrows(ModeFixed.class, () -> broker.commit(() -> upgrade.upgrade(acme, visual, Mode.SCRIPT))).detail()
                .contains("Create a new connection"));
        assertThrows(ModeFixed.class, () -> broker.commit(() -> upgrade.upgrade(acme, script, Mode.VISUAL)));
    }

    @Test
    void theInitiationRulesStillApply() {
        Instance free = broker.instance("https://free.zendesk.com", Platform.ZENDESK, License.FREE, true);
        Instance fresh = broker.instance("https://fresh.freshdesk.com", Platform.FRESHDESK);
        String freeBasic = active(free, "https://beta.zendesk.com", beta, Mode.BASIC);
        String toFreshdesk = active(acme, "https://fresh.freshdesk.com", fresh, Mode.BASIC);
        String privateBasic = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection().id();

        assertTrue(assertThrows(ModeNotOffered.class, () -> broker.commit(() -> upgrade.upgrade(beta, freeBasic, Mode.SCRIPT))).rule()
                .contains("licence"));
        assertTrue(assertThrows(ModeNotOffered.class, () -> broker.commit(() -> upgrade.upgrade(acme, toFreshdesk, Mode.VISUAL))).rule()
                .contains("FRESHDESK"));
        assertTrue(assertThrows(ModeNotOffered.class, () -> broker.commit(() -> upgrade.upgrade(acme, privateBasic, Mode.VISUAL))).rule()
                .contains("private"));
        assertEquals(Mode.SCRIPT, broker.commit(() -> upgrade.upgrade(acme, privateBasic, Mode.SCRIPT)).mode());
    }

    @Test
    void basicIsNoTargetAndLapsedOrDeclinedConnectionsDoNotUpgrade() {
        String pending = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection().id();
        assertEquals("mode", assertThrows(InvalidRequest.class,
                () -> broker.commit(() -> upgrade.upgrade(acme, pending, Mode.BASIC))).errors().get(0).field());
        String declined = broker.commit(() -> new DeclineInvitation(broker.store, broker.clock).decline(beta,
                broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).code().reveal())).id();
        broker.clock.advance(Duration.ofHours(72));

        assertEquals(ConnectionStatus.EXPIRED, assertThrows(ConnectionStateConflict.class,
                () -> broker.commit(() -> upgrade.upgrade(acme, pending, Mode.SCRIPT))).status());
        assertEquals(ConnectionStatus.DECLINED, assertThrows(ConnectionStateConflict.class,
                () -> broker.commit(() -> upgrade.upgrade(acme, declined, Mode.SCRIPT))).status());
        Instance stranger = broker.instance("https://stranger.zendesk.com", Platform.ZENDESK);
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> upgrade.upgrade(stranger, pending, Mode.SCRIPT)));
    }
}
