package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} must do. Each implementation's test extends this class and hands it
 * a fresh, empty store.
 */
public abstract class ConnectionStoreContract {
    private final Entropy entropy = new SecureEntropy();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final java.util.Map<String, InvitationCode> codes = new java.util.HashMap<>();

    protected abstract ConnectionStore store();

    @Test
    public void aRegisteredInstanceIsFoundByIdByUrlAndThroughItsKey() {
        Instance instance = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        ApiKey key = ApiKey.issue(entropy);

        assertTrue(store().registerInstance(instance, new InstanceKey(key.id(), instance.id(), key.hash(), now), java.util.List.of(), null));

        assertEquals(Optional.of(instance), store().findInstance(instance.id()));
        assertEquals(Optional.of(instance), store().findInstanceByUrl(instance.url()));
        InstanceKey stored = store().findKey(key.id()).orElseThrow();
        assertEquals(instance.id(), stored.instanceId());
        assertTrue(stored.hash().matches(key.hash()));
        assertEquals(now, stored.createdAt());
    }

    @Test
    public void aLicenceIsSetWithItsTrialOrAloneAndAnUnknownInstanceIsNotCreated() {
        Instance instance = new Instance(entropy.uuid().toString(), InstanceUrl.parse("url", "https://lic.zendesk.com"),
                Platform.ZENDESK, License.TRIAL, now.plusSeconds(60), true, now);
        ApiKey key = ApiKey.issue(entropy);
        assertTrue(store().registerInstance(instance, new InstanceKey(key.id(), instance.id(), key.hash(), now), java.util.List.of(), null));

        Instance paid = store().setLicense(instance.id(), License.PAID, null).orElseThrow();
        assertEquals(License.PAID, paid.license());
        assertEquals(instance.trialEndsAt(), paid.trialEndsAt());
        assertEquals(Optional.of(paid), store().findInstance(instance.id()));

        Instance trial = store().setLicense(instance.id(), License.TRIAL, now.plusSeconds(120)).orElseThrow();
        assertEquals(new Instance(instance.id(), instance.url(), Platform.ZENDESK, License.TRIAL, now.plusSeconds(120),
                true, now), trial);

        String unknown = entropy.uuid().toString();
        assertEquals(Optional.empty(), store().setLicense(unknown, License.PAID, null));
        assertEquals(Optional.empty(), store().findInstance(unknown));
    }

    @Test
    public void replacingKeysRevokesEveryKeyReadAndNothingWhenTheKeysChangedMeanwhile() {
        Instance instance = instance("https://keys.zendesk.com", Platform.ZENDESK, true);
        ApiKey first = ApiKey.issue(entropy);
        ApiKey second = ApiKey.issue(entropy);
        assertTrue(store().registerInstance(instance, new InstanceKey(first.id(), instance.id(), first.hash(), now), java.util.List.of(), null));
        assertTrue(store().addKey(instance, new InstanceKey(second.id(), instance.id(), second.hash(), now), 5, java.util.List.of(), null));
        java.util.List<InstanceKey> read = store().findKeys(instance.id());
        ApiKey third = ApiKey.issue(entropy);
        assertTrue(store().addKey(instance, new InstanceKey(third.id(), instance.id(), third.hash(), now), 5, java.util.List.of(), null));
        ApiKey recovered = ApiKey.issue(entropy);
        InstanceKey added = new InstanceKey(recovered.id(), instance.id(), recovered.hash(), now);

        assertFalse(store().replaceKeys(instance, read, added, java.util.List.of(), null), "a key was added after the read");
        assertEquals(3, store().findKeys(instance.id()).size());

        assertTrue(store().replaceKeys(instance, store().findKeys(instance.id()), added, java.util.List.of(), null));
        assertEquals(java.util.List.of(recovered.id()),
                store().findKeys(instance.id()).stream().map(InstanceKey::keyId).toList());
        assertEquals(Optional.empty(), store().findKey(first.id()));
        assertEquals(Optional.empty(), store().findKey(third.id()));
        // The instance keeps its count: one key more may be added, as to any instance with one key.
        for (int i = 1; i < 5; i++) {
            ApiKey more = ApiKey.issue(entropy);
            assertTrue(store().addKey(instance, new InstanceKey(more.id(), instance.id(), more.hash(), now), 5, java.util.List.of(), null));
        }
        ApiKey sixth = ApiKey.issue(entropy);
        assertFalse(store().addKey(instance, new InstanceKey(sixth.id(), instance.id(), sixth.hash(), now), 5, java.util.List.of(), null));
    }

    @Test
    public void anInstanceMovesToAFreeUrlAndItsOldOneIsItsFormerUntilSomeoneRegistersIt() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        Instance beta = instance("https://beta.zendesk.com", Platform.ZENDESK, true);
        register(acme);
        register(beta);
        InstanceUrl moved = InstanceUrl.parse("url", "https://acme-support.zendesk.com");

        assertFalse(store().changeUrl(acme, beta.url(), java.util.List.of()), "another instance's URL");
        assertTrue(store().changeUrl(acme, moved, java.util.List.of()));
        assertFalse(store().changeUrl(acme, InstanceUrl.parse("url", "https://elsewhere.zendesk.com"), java.util.List.of()),
                "moved meanwhile: the instance is no longer at the URL the change was decided from");

        assertEquals(Optional.of(acme.withUrl(moved)), store().findInstance(acme.id()));
        assertEquals(Optional.of(acme.withUrl(moved)), store().findInstanceByUrl(moved));
        assertEquals(Optional.empty(), store().findInstanceByUrl(acme.url()));
        assertEquals(Optional.of(acme.id()), store().formerHolderOf(acme.url()));
        assertEquals(Optional.empty(), store().formerHolderOf(moved));

        Instance newcomer = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        register(newcomer);
        assertEquals(Optional.of(newcomer), store().findInstanceByUrl(acme.url()));
        assertEquals(Optional.empty(), store().formerHolderOf(acme.url()));
    }

    @Test
    public void movingSidesChangesOnlyTheInstancesSidesOfItsConnections() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        register(acme);
        Connection pending = connectionFrom(acme, now);
        create(pending, Invitation.open(codes.get(pending.invitationId()), pending.id(),
                pending.invitationExpiresAt()));
        InstanceUrl moved = InstanceUrl.parse("url", "https://acme-support.zendesk.com");

        store().moveSides(acme.id(), moved);

        Connection found = store().findConnection(pending.id()).orElseThrow();
        assertEquals(moved, found.source().url());
        assertEquals(pending.destination(), found.destination());
        assertEquals(pending.source().shortName(), found.source().shortName());
    }

    @Test
    public void aKeyAndAConnectionAreReadTogetherAsEachIsReadAlone() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        InstanceKey acmeKey = key(acme);
        assertTrue(store().registerInstance(acme, acmeKey, java.util.List.of(), null));
        Connection pending = connectionFrom(acme, now);
        create(pending, Invitation.open(codes.get(pending.invitationId()), pending.id(),
                pending.invitationExpiresAt()));

        ConnectionStore.KeyAndConnection both = store().findHeldKeyAndConnection(acmeKey.keyId(), pending.id());
        HeldKey held = both.key().orElseThrow();
        assertEquals(acmeKey.keyId(), held.key().keyId());
        assertTrue(held.key().hash().matches(acmeKey.hash()), "the key's hash as stored");
        assertEquals(acme, held.instance());
        assertEquals(Optional.of(pending), both.connection());

        String unknown = entropy.uuid().toString();
        assertEquals(Optional.empty(), store().findHeldKeyAndConnection(acmeKey.keyId(), unknown).connection());
        assertEquals(Optional.of(acme), store().findHeldKeyAndConnection(acmeKey.keyId(), unknown).key()
                .map(HeldKey::instance));
        ConnectionStore.KeyAndConnection noKey = store().findHeldKeyAndConnection("no-such-key", pending.id());
        assertEquals(Optional.empty(), noKey.key());
        assertEquals(Optional.of(pending), noKey.connection());
    }

    private void register(Instance instance) {
        ApiKey key = ApiKey.issue(entropy);
        assertTrue(store().registerInstance(instance, new InstanceKey(key.id(), instance.id(), key.hash(), now), java.util.List.of(), null));
    }

    @Test
    public void aSecondRegistrationOfTheSameUrlStoresNothing() {
        Instance first = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        Instance second = instance("https://acme.zendesk.com", Platform.FRESHDESK, false);
        ApiKey firstKey = ApiKey.issue(entropy);
        ApiKey secondKey = ApiKey.issue(entropy);
        assertTrue(store().registerInstance(first, new InstanceKey(firstKey.id(), first.id(), firstKey.hash(), now), java.util.List.of(), null));

        assertFalse(store().registerInstance(second,
                new InstanceKey(secondKey.id(), second.id(), secondKey.hash(), now), java.util.List.of(), null));

        assertEquals(Optional.empty(), store().findInstance(second.id()));
        assertEquals(Optional.empty(), store().findKey(secondKey.id()));
        assertEquals(Optional.of(first), store().findInstanceByUrl(first.url()));
    }

    @Test
    public void keysAreAddedUpToTheLimitRevokedDownToOneAndTheirUseRecorded() {
        Instance instance = instance("https://keys.zendesk.com", Platform.ZENDESK, true);
        InstanceKey first = key(instance);
        assertTrue(store().registerInstance(instance, first, java.util.List.of(), null));
        InstanceKey second = key(instance);
        InstanceKey third = key(instance);

        assertTrue(store().addKey(instance, second, 3, java.util.List.of(), null));
        assertTrue(store().addKey(instance, third, 3, java.util.List.of(), null));
        assertFalse(store().addKey(instance, key(instance), 3, java.util.List.of(), null), "the fourth key is over the limit");
        assertEquals(java.util.Set.of(first.keyId(), second.keyId(), third.keyId()), keyIds(instance));

        assertTrue(store().revokeKey(first, java.util.List.of()));
        assertTrue(store().revokeKey(third, java.util.List.of()));
        assertFalse(store().revokeKey(second, java.util.List.of()), "the last key stays");
        assertFalse(store().revokeKey(first, java.util.List.of()), "a revoked key is gone");
        assertEquals(java.util.Set.of(second.keyId()), keyIds(instance));
        assertEquals(Optional.empty(), store().findKey(first.keyId()));

        Instant used = now.plusSeconds(60);
        store().recordKeyUse(second.keyId(), used, now);
        assertEquals(used, store().findKey(second.keyId()).orElseThrow().lastUsedAt());
        store().recordKeyUse(second.keyId(), used.plusSeconds(10), now);
        assertEquals(used, store().findKey(second.keyId()).orElseThrow().lastUsedAt(), "recorded since already");
        assertEquals(used, store().findKeys(instance.id()).get(0).lastUsedAt());
        store().recordKeyUse(first.keyId(), used, now);
        assertEquals(Optional.empty(), store().findKey(first.keyId()), "a revoked key is not brought back");
    }

    @Test
    public void wrongCodesAreCountedPerCallerAndLockOnlyThatCallerUntilTheLockLapses() {
        Connection connection = pendingConnection(ConnectionType.PUBLIC, "https://beta.freshdesk.com", null);
        Invitation invitation = invitationFor(connection);
        create(connection, invitation);
        Instant until = now.plusSeconds(900);

        store().recordWrongCode(invitation.id(), "forger", 3, now, until);
        store().recordWrongCode(invitation.id(), "forger", 3, now, until);
        assertEquals(2, store().findInvitation(invitation.id(), "forger").orElseThrow().wrongCodes());
        assertEquals(null, store().findInvitation(invitation.id(), "forger").orElseThrow().lockedUntil());
        store().recordWrongCode(invitation.id(), "forger", 3, now, until);
        assertEquals(until, store().findInvitation(invitation.id(), "forger").orElseThrow().lockedUntil());

        Invitation invitee = store().findInvitation(invitation.id(), "invitee").orElseThrow();
        assertEquals(0, invitee.wrongCodes());
        assertEquals(null, invitee.lockedUntil(), "another caller's tries lock nobody else");

        Instant lapsed = until.plusSeconds(1);
        store().recordWrongCode(invitation.id(), "forger", 3, lapsed, lapsed.plusSeconds(900));
        Invitation afresh = store().findInvitation(invitation.id(), "forger").orElseThrow();
        assertEquals(1, afresh.wrongCodes(), "a lapsed lock starts the count afresh");
        assertEquals(null, afresh.lockedUntil());

        store().recordWrongCode("0123456789abcdef", "forger", 3, now, until);
        assertEquals(Optional.empty(), store().findInvitation("0123456789abcdef", "forger"), "no invitation is made");
    }

    private InstanceKey key(Instance instance) {
        ApiKey key = ApiKey.issue(entropy);
        return new InstanceKey(key.id(), instance.id(), key.hash(), now);
    }

    private java.util.Set<String> keyIds(Instance instance) {
        return store().findKeys(instance.id()).stream().map(InstanceKey::keyId)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    public void unknownIdsFindNothing() {
        assertEquals(Optional.empty(), store().findInstance(entropy.uuid().toString()));
        assertEquals(Optional.empty(), store().findInstanceByUrl(InstanceUrl.parse("url", "https://nobody.zendesk.com")));
        assertEquals(Optional.empty(), store().findKey("0123456789abcdef"));
        assertEquals(Optional.empty(), store().findConnection(entropy.uuid().toString()));
        assertEquals(Optional.empty(), store().findInvitation("0123456789abcdef"));
    }

    @Test
    public void aConnectionAndItsInvitationAreStoredWithEveryField() {
        Connection connection = pendingConnection(ConnectionType.PUBLIC, "https://beta.freshdesk.com", "a description");
        Invitation invitation = invitationFor(connection);

        create(connection, invitation);

        assertEquals(Optional.of(connection), store().findConnection(connection.id()));
        Invitation stored = store().findInvitation(invitation.id()).orElseThrow();
        assertEquals(invitation.connectionId(), stored.connectionId());
        assertEquals(invitation.expiresAt(), stored.expiresAt());
        assertTrue(stored.hash().matches(invitation.hash()));
        assertFalse(stored.isAnswered());
        assertNull(stored.answeredBy());
    }

    @Test
    public void fieldsNotKnownYetStayNull() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);

        create(connection, invitationFor(connection));

        Connection stored = store().findConnection(connection.id()).orElseThrow();
        assertEquals(connection, stored);
        assertNull(stored.destination().url());
        assertNull(stored.destination().instanceId());
        assertNull(stored.destination().platform());
        assertNull(stored.destination().project());
        assertNull(stored.description());
    }

    @Test
    public void reachabilityIsStoredAsTrueFalseOrUnknown() {
        Instance initiator = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        InvitationCode code = InvitationCode.issue(entropy);
        codes.put(code.id(), code);
        Connection connection = new Connection(entropy.uuid().toString(), ConnectionStatus.PENDING,
                ConnectionType.PRIVATE, Mode.BASIC, "a_to_b", null,
                new Side(initiator.id(), initiator.url(), initiator.platform(), "a", "P", true),
                new Side(null, null, null, "b", null, false), code.id(), now.plus(Duration.ofHours(1)), now, now, Connection.FIRST_VERSION);
        Connection unknown = pendingConnection(ConnectionType.PUBLIC, "https://beta.freshdesk.com", null);

        create(connection, invitationFor(connection));
        create(unknown, invitationFor(unknown));

        Connection stored = store().findConnection(connection.id()).orElseThrow();
        assertEquals(Boolean.TRUE, stored.source().reachable());
        assertEquals(Boolean.FALSE, stored.destination().reachable());
        assertNull(store().findConnection(unknown.id()).orElseThrow().destination().reachable());
    }

    @Test
    public void acceptingStoresTheActiveConnectionAndUsesTheInvitation() {
        Connection connection = pendingConnection(ConnectionType.PUBLIC, "https://beta.freshdesk.com", null);
        Invitation invitation = invitationFor(connection);
        create(connection, invitation);
        Instance acceptor = instance("https://beta.freshdesk.com", Platform.FRESHDESK, true);
        Instant at = now.plusSeconds(60);
        Connection accepted = connection.acceptedBy(acceptor, "HELP", at);

        assertTrue(answer(invitation, Invitation.Answer.ACCEPTED, acceptor.id(), at, accepted));

        assertEquals(Optional.of(accepted), store().findConnection(connection.id()));
        Invitation used = store().findInvitation(invitation.id()).orElseThrow();
        assertEquals(Invitation.Answer.ACCEPTED, used.answer());
        assertEquals(at, used.answeredAt());
        assertEquals(acceptor.id(), used.answeredBy());
    }

    @Test
    public void decliningStoresTheDeclinedConnectionAndAnswersTheInvitation() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Invitation invitation = invitationFor(connection);
        create(connection, invitation);
        Connection declined = connection.withStatus(ConnectionStatus.DECLINED, now.plusSeconds(5));

        assertTrue(answer(invitation, Invitation.Answer.DECLINED, "someone", now, declined));

        assertEquals(Optional.of(declined), store().findConnection(connection.id()));
        assertEquals(Invitation.Answer.DECLINED, store().findInvitation(invitation.id()).orElseThrow().answer());
        assertFalse(answer(invitation, Invitation.Answer.ACCEPTED, "other", now,
                connection.withStatus(ConnectionStatus.ACTIVE, now)));
        assertEquals(Optional.of(declined), store().findConnection(connection.id()));
    }

    @Test
    public void anInvitationIsAcceptedOnlyOnce() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Invitation invitation = invitationFor(connection);
        create(connection, invitation);
        Instance first = instance("https://first.zendesk.com", Platform.ZENDESK, true);
        Instance second = instance("https://second.zendesk.com", Platform.ZENDESK, true);
        Connection acceptedByFirst = connection.acceptedBy(first, "ONE", now);
        assertTrue(answer(invitation, Invitation.Answer.ACCEPTED, first.id(), now, acceptedByFirst));

        assertFalse(answer(invitation, Invitation.Answer.ACCEPTED, second.id(), now,
                connection.acceptedBy(second, "TWO", now)));

        assertEquals(Optional.of(acceptedByFirst), store().findConnection(connection.id()));
        assertEquals(first.id(), store().findInvitation(invitation.id()).orElseThrow().answeredBy());
    }

    @Test
    public void concurrentAcceptsOfOneInvitationLetExactlyOneThrough() throws Exception {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Invitation invitation = invitationFor(connection);
        create(connection, invitation);
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                Instance acceptor = instance("https://caller" + i + ".zendesk.com", Platform.ZENDESK, true);
                Callable<Boolean> accept = () -> {
                    start.await();
                    return answer(invitation, Invitation.Answer.ACCEPTED, acceptor.id(), now,
                            connection.acceptedBy(acceptor, "P", now));
                };
                results.add(pool.submit(accept));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                successes += result.get() ? 1 : 0;
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
        Connection stored = store().findConnection(connection.id()).orElseThrow();
        assertEquals(ConnectionStatus.ACTIVE, stored.status());
        assertEquals(stored.destination().instanceId(), store().findInvitation(invitation.id()).orElseThrow().answeredBy());
    }

    @Test
    public void anInstancesConnectionsArePagedNewestFirstInBothDirections() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        Instance beta = instance("https://beta.freshdesk.com", Platform.FRESHDESK, true);
        List<Connection> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Connection outgoing = connectionFrom(acme, now.plusSeconds(10L * i));
            create(outgoing, invitationFor(outgoing));
            expected.add(0, outgoing);
        }
        Connection incoming = connectionFrom(beta, now.plusSeconds(100));
        create(incoming, invitationFor(incoming));
        Connection accepted = incoming.acceptedBy(acme, "HELP", now.plusSeconds(200));
        assertTrue(answer(invitationFor(incoming), Invitation.Answer.ACCEPTED, acme.id(),
                now.plusSeconds(200), accepted));
        expected.add(0, accepted);
        Connection othersOnly = connectionFrom(beta, now.plusSeconds(300));
        create(othersOnly, invitationFor(othersOnly));

        ConnectionStore.ConnectionPage first = store().findConnectionsOf(acme.id(), 4, null);
        ConnectionStore.ConnectionPage second = store().findConnectionsOf(acme.id(), 4, first.next());

        assertEquals(expected.subList(0, 4), first.connections());
        assertEquals(expected.subList(4, 6), second.connections());
        assertNull(second.next());
        assertEquals(List.of(othersOnly, accepted), store().findConnectionsOf(beta.id(), 10, null).connections());
        assertEquals(expected, store().findConnectionsOf(acme.id(), 6, null).connections());
        assertNull(store().findConnectionsOf(acme.id(), 6, null).next(), "no next page when none is left");
    }

    @Test
    public void aFilteredPageIsFullAndItsNextStartsAfterItsLastKeptConnection() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        List<Connection> keptNewestFirst = new ArrayList<>();
        // Kept ones are sparse (every fifth), so a page of 3 takes reading past several unkept batches.
        for (int i = 0; i < 30; i++) {
            Connection connection = connectionFrom(acme, now.plusSeconds(10L * i));
            create(connection, invitationFor(connection));
            if (i % 5 == 0) {
                keptNewestFirst.add(0, connection);
            }
        }
        java.util.function.Predicate<Connection> everyFifth = keptNewestFirst::contains;

        ConnectionStore.ConnectionPage first = store().findConnectionsOf(acme.id(), 3, null, everyFifth);
        ConnectionStore.ConnectionPage second = store().findConnectionsOf(acme.id(), 3, first.next(), everyFifth);
        ConnectionStore.ConnectionPage none = store().findConnectionsOf(acme.id(), 3, null, connection -> false);

        assertEquals(keptNewestFirst.subList(0, 3), first.connections());
        assertEquals(keptNewestFirst.subList(3, 6), second.connections());
        assertNull(second.next(), "no next page when nothing further is kept");
        assertEquals(List.of(), none.connections());
        assertNull(none.next());
    }

    @Test
    public void aLocalConnectionIsListedOnceAndADeletedOneNoMore() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        Connection local = connectionFrom(acme, now);
        create(local, invitationFor(local));
        Connection accepted = local.acceptedBy(acme, "OTHER", now.plusSeconds(1));
        assertTrue(answer(invitationFor(local), Invitation.Answer.ACCEPTED, acme.id(),
                now.plusSeconds(1), accepted));

        assertEquals(List.of(accepted), store().findConnectionsOf(acme.id(), 10, null).connections());

        assertTrue(store().deleteConnection(accepted, java.util.List.of()));
        assertEquals(List.of(), store().findConnectionsOf(acme.id(), 10, null).connections());
    }

    @Test
    public void aPositionTheStoreDidNotHandOutIsRefused() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);

        for (String forged : new String[] {"", "nonsense", "CONNECTION#x#y", "123"}) {
            assertThrows(IllegalArgumentException.class, () -> store().findConnectionsOf(acme.id(), 10, forged), forged);
        }
    }

    @Test
    public void aNewInvitationReplacesThePreviousOneAtOnce() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Invitation previous = invitationFor(connection);
        create(connection, previous);
        InvitationCode code = InvitationCode.issue(entropy);
        Invitation next = Invitation.open(code, connection.id(), now.plus(Duration.ofHours(100)));
        Connection reinvited = connection.reinvited(code.id(), next.expiresAt(), now.plusSeconds(1));

        assertTrue(reinvite(reinvited, previous, next));

        assertEquals(Optional.of(reinvited), store().findConnection(connection.id()));
        assertEquals(Optional.empty(), store().findInvitation(previous.id()));
        assertTrue(store().findInvitation(code.id()).orElseThrow().hash().matches(code.hash()));
        assertFalse(reinvite(reinvited, previous,
                Invitation.open(InvitationCode.issue(entropy), connection.id(), now)), "the previous one is gone");
        assertFalse(answer(previous, Invitation.Answer.ACCEPTED, "late", now,
                connection.withStatus(ConnectionStatus.ACTIVE, now)), "its code answers nothing");
    }

    @Test
    public void rulesAreStoredWithTheConnectionAndReplacedOnlyFromTheExpectedVersion() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        java.util.Map<RuleSet.Owner, RuleSet> defaults = DefaultRules.forMode(Mode.SCRIPT);
        create(connection, invitationFor(connection), defaults);

        assertEquals(Optional.of(defaults.get(RuleSet.Owner.SOURCE)), store().findRules(connection.id(), RuleSet.Owner.SOURCE));
        assertEquals(Optional.of(defaults.get(RuleSet.Owner.DESTINATION)),
                store().findRules(connection.id(), RuleSet.Owner.DESTINATION));
        assertEquals(Optional.empty(), store().findRules(connection.id(), RuleSet.Owner.SHARED));

        RuleSet next = new RuleSet(2, List.of(new SyncRule(SyncRule.Field.TYPE,
                SyncRule.Transform.MIRROR_TYPE)), List.of());
        assertFalse(store().replaceRules(connection.id(), RuleSet.Owner.SOURCE, next, 7, java.util.List.of()));
        assertTrue(store().replaceRules(connection.id(), RuleSet.Owner.SOURCE, next, 1, java.util.List.of()));
        assertEquals(Optional.of(next), store().findRules(connection.id(), RuleSet.Owner.SOURCE));
        assertEquals(Optional.of(defaults.get(RuleSet.Owner.DESTINATION)),
                store().findRules(connection.id(), RuleSet.Owner.DESTINATION), "the other side's rules are untouched");
        assertFalse(store().replaceRules(connection.id(), RuleSet.Owner.SOURCE, next, 1, java.util.List.of()), "version 1 is stale now");

        assertTrue(store().deleteConnection(connection, java.util.List.of()));
        assertEquals(Optional.empty(), store().findRules(connection.id(), RuleSet.Owner.SOURCE));
        assertEquals(Optional.empty(), store().findRules(connection.id(), RuleSet.Owner.DESTINATION));
    }

    @Test
    public void upgradingABasicConnectionReplacesItsModeAndAllItsRules() {
        Connection basic = pendingConnection(ConnectionType.PRIVATE, null, null);
        create(basic, invitationFor(basic), DefaultRules.forMode(Mode.BASIC));
        Connection script = basic.withMode(Mode.SCRIPT, now.plusSeconds(1));

        assertTrue(upgrade(script, DefaultRules.forMode(Mode.SCRIPT)));

        assertEquals(Optional.of(script), store().findConnection(basic.id()));
        assertEquals(Optional.empty(), store().findRules(basic.id(), RuleSet.Owner.SHARED));
        assertEquals(DefaultRules.forMode(Mode.SCRIPT).get(RuleSet.Owner.SOURCE),
                store().findRules(basic.id(), RuleSet.Owner.SOURCE).orElseThrow());
        assertFalse(upgrade(basic.withMode(Mode.VISUAL, now), DefaultRules.forMode(Mode.VISUAL)),
                "a second upgrade decided from the BASIC version");
        assertEquals(Optional.of(script), store().findConnection(basic.id()));
    }

    @Test
    public void deletingAConnectionRemovesItAndItsInvitation() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        create(connection, invitationFor(connection));
        Connection other = pendingConnection(ConnectionType.PRIVATE, null, null);
        create(other, invitationFor(other));

        assertTrue(store().deleteConnection(connection, java.util.List.of()));

        assertEquals(Optional.empty(), store().findConnection(connection.id()));
        assertEquals(Optional.empty(), store().findInvitation(connection.invitationId()));
        assertEquals(Optional.of(other), store().findConnection(other.id()));
        assertTrue(store().findInvitation(other.invitationId()).isPresent());
        assertFalse(store().deleteConnection(connection, java.util.List.of()), "a connection is deleted once");
    }

    @Test
    public void aConnectionIsReplacedOnlyOverTheVersionItsChangeWasDecidedFrom() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        create(connection, invitationFor(connection));
        Connection deactivated = connection.withStatus(ConnectionStatus.DEACTIVATED, now.plusSeconds(1));
        Connection fromAVersionNeverStored = deactivated.withStatus(ConnectionStatus.ACTIVE, now.plusSeconds(2));

        assertFalse(store().replaceConnection(fromAVersionNeverStored, java.util.List.of(), null));
        assertEquals(Optional.of(connection), store().findConnection(connection.id()));

        assertTrue(store().replaceConnection(deactivated, java.util.List.of(), null));
        assertEquals(Optional.of(deactivated), store().findConnection(connection.id()));
        assertFalse(store().replaceConnection(connection.withMode(Mode.SCRIPT, now.plusSeconds(3)), java.util.List.of(), null),
                "a change decided from the first version does not write over the second");
        assertFalse(store().upgradeMode(connection.withMode(Mode.SCRIPT, now.plusSeconds(3)), java.util.Map.of(), java.util.List.of(), null));
        assertFalse(store().deleteConnection(connection, java.util.List.of()), "a delete decided from the first version");
        assertEquals(Optional.of(deactivated), store().findConnection(connection.id()));
    }

    @Test
    public void anAnswerDecidedBeforeAnotherChangeWritesNothing() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Invitation invitation = invitationFor(connection);
        create(connection, invitation, DefaultRules.forMode(Mode.BASIC));
        Connection upgraded = connection.withMode(Mode.SCRIPT, now.plusSeconds(1));
        assertTrue(upgrade(upgraded, DefaultRules.forMode(Mode.SCRIPT)));
        Instance acceptor = instance("https://beta.freshdesk.com", Platform.FRESHDESK, true);

        assertFalse(answer(invitation, Invitation.Answer.ACCEPTED, acceptor.id(), now,
                connection.acceptedBy(acceptor, "HELP", now)), "the accept read the connection before the upgrade");

        assertEquals(Optional.of(upgraded), store().findConnection(connection.id()));
        assertFalse(store().findInvitation(invitation.id()).orElseThrow().isAnswered(), "the code is not used up");
    }

    @Test
    public void movingAnInstanceSideCountsAsAVersionSoNoStaleChangeWritesTheOldUrlBack() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        Connection connection = connectionFrom(acme, now);
        create(connection, invitationFor(connection));
        InstanceUrl moved = InstanceUrl.parse("url", "https://acme-new.zendesk.com");

        store().moveSides(acme.id(), moved);

        Connection stored = store().findConnection(connection.id()).orElseThrow();
        assertEquals(moved, stored.source().url());
        assertFalse(store().replaceConnection(connection.withStatus(ConnectionStatus.DEACTIVATED, now), java.util.List.of(), null),
                "decided before the move");
        assertTrue(store().replaceConnection(stored.withStatus(ConnectionStatus.DEACTIVATED, now), java.util.List.of(), null));
        assertEquals(moved, store().findConnection(connection.id()).orElseThrow().source().url());
    }

    @Test
    public void anIdempotencyRecordIsWrittenWithTheEffectAndFoundByScopeAndKey() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        IdempotencyRecord record = record("acme", "key-1", now);

        create(connection, invitationFor(connection), java.util.Map.of(), record);

        assertEquals(Optional.of(connection), store().findConnection(connection.id()));
        assertEquals(Optional.of(record), store().findIdempotencyRecord("acme", "key-1"));
        assertEquals(Optional.empty(), store().findIdempotencyRecord("beta", "key-1"), "keys are per scope");
        assertEquals(Optional.empty(), store().findIdempotencyRecord("acme", "key-2"));
    }

    @Test
    public void aLiveKeyTakenMeanwhileStopsTheWholeWrite() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        create(connection, invitationFor(connection), java.util.Map.of(), record("acme", "k", now));
        Connection deactivated = connection.withStatus(ConnectionStatus.DEACTIVATED, now.plusSeconds(1));
        IdempotencyRecord second = record("acme", "k", now.plusSeconds(1));

        assertThrows(IdempotencyKeyTaken.class,
                () -> store().replaceConnection(deactivated, java.util.List.of(), second));

        assertEquals(Optional.of(connection), store().findConnection(connection.id()), "nothing of the effect");
        assertEquals(Optional.of(record("acme", "k", now)), store().findIdempotencyRecord("acme", "k"));
        Connection other = pendingConnection(ConnectionType.PRIVATE, null, null);
        assertThrows(IdempotencyKeyTaken.class, () -> create(other, invitationFor(other),
                java.util.Map.of(), second));
        assertEquals(Optional.empty(), store().findConnection(other.id()));
    }

    @Test
    public void aWriteWhoseConditionFailsKeepsNoRecord() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        create(connection, invitationFor(connection));

        assertFalse(store().replaceConnection(connection.withStatus(ConnectionStatus.DECLINED, now)
                        .withStatus(ConnectionStatus.ACTIVE, now),java.util.List.of(), 
                record("acme", "k", now)));
        assertEquals(Optional.empty(), store().findIdempotencyRecord("acme", "k"));

        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        assertTrue(store().registerInstance(acme, key(acme), java.util.List.of(), null));
        Instance again = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        assertFalse(store().registerInstance(again, key(again), java.util.List.of(), record("anonymous", "r", now)));
        assertEquals(Optional.empty(), store().findIdempotencyRecord("anonymous", "r"));
    }

    @Test
    public void anExpiredRecordGivesWayToANewOne() {
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Instant dayAndMoreAgo = now.minus(IdempotentRequests.RETENTION).minusSeconds(1);
        create(connection, invitationFor(connection), java.util.Map.of(),
                record("acme", "k", dayAndMoreAgo));
        Connection deactivated = connection.withStatus(ConnectionStatus.DEACTIVATED, now);

        assertTrue(store().replaceConnection(deactivated, java.util.List.of(), record("acme", "k", now)));

        assertEquals(Optional.of(record("acme", "k", now)), store().findIdempotencyRecord("acme", "k"));
    }

    @Test
    public void everyWriteOfAPostKeepsItsRecord() {
        Instance acme = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        assertTrue(store().registerInstance(acme, key(acme), java.util.List.of(), record("anonymous", "register", now)));
        assertTrue(store().addKey(acme, key(acme), 5, java.util.List.of(), record(acme.id(), "key", now)));
        Connection connection = pendingConnection(ConnectionType.PRIVATE, null, null);
        Invitation previous = invitationFor(connection);
        create(connection, previous, java.util.Map.of(), record(acme.id(), "initiate", now));
        InvitationCode code = InvitationCode.issue(entropy);
        Invitation next = Invitation.open(code, connection.id(), now.plus(Duration.ofHours(1)));
        Connection reinvited = connection.reinvited(code.id(), next.expiresAt(), now);
        assertTrue(reinvite(reinvited, previous, next, record(acme.id(), "reinvite", now)));
        Connection upgraded = reinvited.withMode(Mode.SCRIPT, now);
        assertTrue(upgrade(upgraded, java.util.Map.of(), record(acme.id(), "upgrade", now)));
        Connection accepted = upgraded.acceptedBy(instance("https://beta.freshdesk.com", Platform.FRESHDESK, true),
                "HELP", now);
        assertTrue(answer(next, Invitation.Answer.ACCEPTED, "beta", now, accepted,
                record(acme.id(), "accept", now)));
        assertTrue(store().replaceConnection(accepted.withStatus(ConnectionStatus.DEACTIVATED, now),java.util.List.of(), 
                record(acme.id(), "deactivate", now)));

        assertTrue(store().findIdempotencyRecord("anonymous", "register").isPresent());
        for (String key : List.of("key", "initiate", "reinvite", "upgrade", "accept", "deactivate")) {
            assertEquals(Optional.of(record(acme.id(), key, now)), store().findIdempotencyRecord(acme.id(), key), key);
        }
    }

    private void create(Connection connection, Invitation invitation) {
        create(connection, invitation, java.util.Map.of(), null);
    }

    private void create(Connection connection, Invitation invitation, java.util.Map<RuleSet.Owner, RuleSet> rules) {
        create(connection, invitation, rules, null);
    }

    private void create(Connection connection, Invitation invitation, java.util.Map<RuleSet.Owner, RuleSet> rules,
                        IdempotencyRecord kept) {
        store().createConnection(connection, invitation, rules, java.util.List.of(), kept);
    }

    private boolean answer(Invitation invitation, Invitation.Answer answer, String by, Instant at, Connection changed) {
        return answer(invitation, answer, by, at, changed, null);
    }

    private boolean answer(Invitation invitation, Invitation.Answer answer, String by, Instant at, Connection changed,
                           IdempotencyRecord kept) {
        return store().answerInvitation(invitation, answer, by, at, changed, java.util.List.of(), kept);
    }

    private boolean reinvite(Connection changed, Invitation previous, Invitation next) {
        return reinvite(changed, previous, next, null);
    }

    private boolean reinvite(Connection changed, Invitation previous, Invitation next, IdempotencyRecord kept) {
        return store().replaceInvitation(changed, previous.id(), previous.expiresAt(), next, java.util.List.of(),
                kept);
    }

    private boolean upgrade(Connection upgraded, java.util.Map<RuleSet.Owner, RuleSet> rules) {
        return upgrade(upgraded, rules, null);
    }

    private boolean upgrade(Connection upgraded, java.util.Map<RuleSet.Owner, RuleSet> rules, IdempotencyRecord kept) {
        return store().upgradeMode(upgraded, rules, java.util.List.of(), kept);
    }

    private static IdempotencyRecord record(String scope, String key, Instant keptAt) {
        return new IdempotencyRecord(scope, key, "POST /v1/x " + key, ("sealed " + key).getBytes(
                java.nio.charset.StandardCharsets.UTF_8), keptAt);
    }

    private Instance instance(String url, Platform platform, boolean isPublic) {
        return new Instance(entropy.uuid().toString(), InstanceUrl.parse("url", url), platform, License.PAID, null,
                isPublic, now);
    }

    private Connection connectionFrom(Instance initiator, Instant createdAt) {
        Side source = new Side(initiator.id(), initiator.url(), initiator.platform(), "src", "SUPPORT");
        Side destination = new Side(null, null, null, "dst", null);
        InvitationCode code = InvitationCode.issue(entropy);
        codes.put(code.id(), code);
        return new Connection(entropy.uuid().toString(), ConnectionStatus.PENDING, ConnectionType.PRIVATE, Mode.BASIC,
                "src_to_dst", null, source, destination, code.id(), createdAt.plus(Duration.ofHours(72)), createdAt,
                createdAt, Connection.FIRST_VERSION);
    }

    private Connection pendingConnection(ConnectionType type, String destinationUrl, String description) {
        Instance initiator = instance("https://acme.zendesk.com", Platform.ZENDESK, true);
        Side source = new Side(initiator.id(), initiator.url(), initiator.platform(), "acme", "SUPPORT");
        Side destination = new Side(null, destinationUrl == null ? null : InstanceUrl.parse("url", destinationUrl),
                null, "beta", null);
        InvitationCode code = InvitationCode.issue(entropy);
        codes.put(code.id(), code);
        return new Connection(entropy.uuid().toString(), ConnectionStatus.PENDING, type, Mode.BASIC, "acme_to_beta",
                description, source, destination, code.id(), now.plus(Duration.ofHours(72)), now, now, Connection.FIRST_VERSION);
    }

    /** The invitation of a connection made by pendingConnection, under the code the connection names. */
    private Invitation invitationFor(Connection connection) {
        return Invitation.open(codes.get(connection.invitationId()), connection.id(), connection.invitationExpiresAt());
    }
}
