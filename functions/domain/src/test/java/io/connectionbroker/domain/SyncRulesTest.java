package io.connectionbroker.domain;

import static io.connectionbroker.domain.SyncRule.Field.COMMENTS;
import static io.connectionbroker.domain.SyncRule.Field.INTERNAL_COMMENTS;
import static io.connectionbroker.domain.SyncRule.Field.SUMMARY;
import static io.connectionbroker.domain.SyncRule.Field.TYPE;
import static io.connectionbroker.domain.SyncRule.Transform.AS_PUBLIC_COMMENT;
import static io.connectionbroker.domain.SyncRule.Transform.COPY;
import static io.connectionbroker.domain.SyncRule.Transform.MIRROR_TYPE;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.RulesReadOnly;
import io.connectionbroker.domain.refusal.RulesVersionConflict;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRulesTest {
    private final TestBroker broker = new TestBroker();
    private final SyncRules rules = new SyncRules(broker.store, broker.clock);
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final Instance beta = broker.instance("https://beta.zendesk.com", Platform.ZENDESK);

    private String active(Mode mode) {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.zendesk.com", mode)));
        return broker.commit(() -> broker.accept.accept(beta, new AcceptInvitation.Command(initiated.code().reveal(), "HELP"))).id();
    }

    @Test
    void scriptRulesAreGeneratedPerSideAndEachSideChangesOnlyItsOwn() {
        String id = active(Mode.SCRIPT);
        SyncRules.SideRules source = rules.view(acme, id);
        SyncRules.SideRules destination = rules.view(beta, id);
        assertEquals(SyncRules.Side.SOURCE, source.side());
        assertEquals(SyncRules.Side.DESTINATION, destination.side());
        assertEquals(5, source.rules().outgoing().size());
        assertEquals(5, source.rules().incoming().size());
        assertEquals(1, source.rules().version());

        List<SyncRule> outgoing = List.of(new SyncRule(SUMMARY, COPY), new SyncRule(TYPE, MIRROR_TYPE));
        SyncRules.SideRules changed = broker.commit(() -> rules.replace(acme, id, 1, outgoing, List.of()));

        assertEquals(2, changed.rules().version());
        assertEquals(outgoing, rules.view(acme, id).rules().outgoing());
        assertEquals(destination, rules.view(beta, id), "the other side's rules are untouched");
        assertEquals(2, assertThrows(RulesVersionConflict.class,
                () -> broker.commit(() -> rules.replace(acme, id, 1, outgoing, List.of()))).currentVersion());
        assertEquals(2, broker.commit(() -> rules.replace(beta, id, 1, List.of(), List.of(new SyncRule(COMMENTS, COPY))))
                .rules().version(), "each side has its own version");
    }

    @Test
    void visualRulesAreOneSetBothSidesEditEachSeeingItFromItsOwnSide() {
        String id = active(Mode.VISUAL);

        broker.commit(() -> rules.replace(beta, id, 1, List.of(new SyncRule(SUMMARY, COPY)), List.of(new SyncRule(COMMENTS, COPY))));

        SyncRules.SideRules source = rules.view(acme, id);
        assertEquals(2, source.rules().version());
        assertEquals(List.of(new SyncRule(COMMENTS, COPY)), source.rules().outgoing());
        assertEquals(List.of(new SyncRule(SUMMARY, COPY)), source.rules().incoming());
        assertThrows(RulesVersionConflict.class, () -> broker.commit(() -> rules.replace(acme, id, 1, List.of(), List.of())));
        assertEquals(3, broker.commit(() -> rules.replace(acme, id, 2, List.of(), List.of())).rules().version());
    }

    @Test
    void basicRulesAreFixed() {
        String id = active(Mode.BASIC);

        SyncRules.SideRules basic = rules.view(beta, id);

        assertTrue(basic.rules().incoming().contains(new SyncRule(INTERNAL_COMMENTS, AS_PUBLIC_COMMENT)));
        assertTrue(basic.rules().outgoing().contains(new SyncRule(TYPE, MIRROR_TYPE)));
        assertThrows(RulesReadOnly.class, () -> broker.commit(() -> rules.replace(acme, id, 1, List.of(), List.of())));
    }

    @Test
    void aFieldTwiceInOneListIsNamed() {
        String id = active(Mode.SCRIPT);

        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> broker.commit(() -> rules.replace(acme, id, 1,
                List.of(new SyncRule(SUMMARY, COPY), new SyncRule(SUMMARY, COPY)),
                List.of(new SyncRule(SUMMARY, COPY), new SyncRule(COMMENTS, COPY), new SyncRule(COMMENTS, COPY)))));

        assertEquals(List.of("outgoing[1].field", "incoming[2].field"),
                refused.errors().stream().map(FieldError::field).toList());
        assertEquals(1, rules.view(acme, id).rules().version());
    }

    @Test
    void aSharedSetIsTheSameRulesWithTheListsSwappedForTheDestination() {
        String id = active(Mode.VISUAL);
        List<SyncRule> sent = List.of(new SyncRule(TYPE, MIRROR_TYPE));
        List<SyncRule> received = List.of(new SyncRule(INTERNAL_COMMENTS, AS_PUBLIC_COMMENT));

        broker.commit(() -> rules.replace(acme, id, 1, sent, received));

        SyncRules.SideRules destination = rules.view(beta, id);
        assertEquals(received, destination.rules().outgoing());
        assertEquals(sent, destination.rules().incoming());
    }

    @Test
    void nobodyButASideReadsOrWritesAndTheDestinationOnlyOnceItAccepted() {
        String pending = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.zendesk.com", Mode.SCRIPT))).connection().id();
        Instance stranger = broker.instance("https://stranger.zendesk.com", Platform.ZENDESK);

        assertThrows(ConnectionNotFound.class, () -> rules.view(beta, pending));
        assertThrows(ConnectionNotFound.class, () -> rules.view(stranger, active(Mode.SCRIPT)));
        assertThrows(ConnectionNotFound.class, () -> broker.commit(() -> rules.replace(stranger, pending, 1, List.of(), List.of())));
        assertEquals(SyncRules.Side.SOURCE, rules.view(acme, pending).side());
    }
}
