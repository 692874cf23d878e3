package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.IdempotentRequests.Outcome;
import io.connectionbroker.domain.IdempotentRequests.Performed;
import io.connectionbroker.domain.IdempotentRequests.Replayed;
import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.IdempotencyKeyReused;
import io.connectionbroker.domain.refusal.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {
    private final TestBroker broker = new TestBroker();
    private final IdempotentRequests requests = new IdempotentRequests(broker.store, broker.clock);
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);
    private final AtomicInteger performed = new AtomicInteger();

    /** Initiates a private connection, counting how often the operation really ran. */
    private Outcome<InitiateConnection.Initiated> initiate(String key, String fingerprint) {
        return requests.perform(new Actor(acme.id(), "key-of-acme"), key, fingerprint, IdempotentRequestsTest::seal, () -> {
            performed.incrementAndGet();
            return broker.initiate.initiate(acme, toPrivate(Mode.BASIC));
        });
    }

    /** Stands in for the edge's encryption: the answer the edge would keep. */
    private static byte[] seal(InitiateConnection.Initiated initiated) {
        return (initiated.connection().id() + " " + initiated.code().reveal()).getBytes(StandardCharsets.UTF_8);
    }

    private long connections() {
        return broker.store.findConnectionsOf(acme.id(), 100, null).connections().size();
    }

    @Test
    void theSameRequestSentAgainGetsTheFirstAnswerAndChangesNothing() {
        var first = assertInstanceOf(Performed.class, initiate("k-1", "POST /v1/connections {}"));

        var again = assertInstanceOf(Replayed.class, initiate("k-1", "POST /v1/connections {}"));

        assertArrayEquals(seal((InitiateConnection.Initiated) first.result()), again.sealedAnswer());
        assertEquals(1, performed.get());
        assertEquals(1, connections());
    }

    @Test
    void withoutAKeyEveryRequestIsPerformed() {
        assertInstanceOf(Performed.class, initiate(null, "POST /v1/connections {}"));
        assertInstanceOf(Performed.class, initiate(null, "POST /v1/connections {}"));
        assertEquals(2, connections());
    }

    @Test
    void theKeyWithAnotherRequestIsRefusedAndKeysArePerScope() {
        initiate("k-1", "POST /v1/connections {\"a\":1}");

        IdempotencyKeyReused refused = assertThrows(IdempotencyKeyReused.class,
                () -> initiate("k-1", "POST /v1/connections {\"a\":2}"));
        assertEquals("idempotency-key-reused", refused.kind().slug());
        Instance beta = broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);
        Outcome<InitiateConnection.Initiated> betaOutcome = requests.perform(new Actor(beta.id(), "key-of-beta"), "k-1",
                "POST /v1/connections {\"a\":2}", IdempotentRequestsTest::seal,
                () -> broker.initiate.initiate(beta, toPrivate(Mode.BASIC)));
        assertInstanceOf(Performed.class, betaOutcome, "another instance's key of the same text is its own");
        assertEquals(1, connections());
    }

    @Test
    void aRefusedRequestKeepsNothingSoItsRetryRunsAgain() {
        Supplier<Decision<InitiateConnection.Initiated>> refusedThenFine = () -> {
            if (performed.incrementAndGet() == 1) {
                return Decision.refuse(new ConnectionNotFound());
            }
            return broker.initiate.initiate(acme, toPrivate(Mode.BASIC));
        };
        assertThrows(ConnectionNotFound.class, () -> requests.perform(new Actor(acme.id(), "key-of-acme"), "k", "f", c -> new byte[1],
                refusedThenFine));

        assertInstanceOf(Performed.class, requests.perform(new Actor(acme.id(), "key-of-acme"), "k", "f", c -> new byte[1], refusedThenFine));
        assertEquals(2, performed.get());
    }

    @Test
    void afterADayTheKeyIsFreeAgain() {
        initiate("k-1", "first");
        broker.clock.advance(IdempotentRequests.RETENTION.minusSeconds(1));
        assertInstanceOf(Replayed.class, initiate("k-1", "first"));
        broker.clock.advance(Duration.ofSeconds(1));

        assertInstanceOf(Performed.class, initiate("k-1", "second"));
        assertEquals(2, connections());
    }

    @Test
    void aRequestThatLosesTheKeyToAConcurrentOneGetsThatOnesAnswer() {
        Outcome<InitiateConnection.Initiated> outcome = requests.perform(new Actor(acme.id(), "key-of-acme"), "k", "f",
                IdempotentRequestsTest::seal, () -> {
                    // Another request with the key takes effect after this one looked and before it writes.
                    initiate("k", "f");
                    return broker.initiate.initiate(acme, toPrivate(Mode.BASIC));
                });

        Replayed<?> replayed = assertInstanceOf(Replayed.class, outcome);
        assertEquals(1, connections());
        assertArrayEquals(broker.store.findIdempotencyRecord(acme.id(), "k").orElseThrow().sealedAnswer(),
                replayed.sealedAnswer());
    }

    @Test
    void keysAreVisibleAsciiUpTo255AndARegistrationKeyIsAUuid() {
        for (String bad : new String[]{"", "has space", "x".repeat(256), "naïve", "tab\there"}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> initiate(bad, "f"), bad);
            assertEquals("Idempotency-Key", refused.errors().get(0).field());
        }
        assertInstanceOf(Performed.class, initiate("x".repeat(255), "f"));
        assertInstanceOf(Performed.class, initiate("!~#/:", "f"));

        Supplier<Decision<RegisterInstance.Registered>> register = broker.register.register(
                new RegisterInstance.Command("https://gamma.zendesk.com", null, true, new Proof.OAuth(KnownHelpdesks.ADMIN)));
        for (String guessable : new String[]{"register-1", "00000000-0000-0000-0000-000000000000",
                "00000000-0000-4000-8000-000000000000", "11111111-1111-4111-a111-111111111111",
                "12341234-1234-4123-8123-412341234123", "1f0e6a52-9d4c-1d2a-8a3e-5c1b7e9f2d40",
                "1f0e6a52-9d4c-4d2a-ca3e-5c1b7e9f2d40"}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> requests.perform(
                    Actor.ANONYMOUS, guessable, "f", r -> new byte[1], register), guessable);
            assertEquals("Idempotency-Key", refused.errors().get(0).field());
        }
        assertInstanceOf(Performed.class, requests.perform(Actor.ANONYMOUS,
                "1F0E6A52-9D4C-4D2A-8A3E-5C1B7E9F2D40", "f", r -> new byte[1], register));
    }

    @Test
    void aLostCommitIsDecidedAgainFromWhatIsStoredNowAndARuleTheStoreKeepsRefusesAtOnce() {
        AtomicInteger decisions = new AtomicInteger();
        String decided = requests.commit(Actor.ANONYMOUS, () -> {
            int decision = decisions.incrementAndGet();
            return Decision.change("decision " + decision, (kept, actor) -> decision == 3, () -> new ConnectionNotFound());
        });
        assertEquals("decision 3", decided, "the answer is the decision whose commit held");

        decisions.set(0);
        assertThrows(ConnectionNotFound.class, () -> requests.commit(Actor.ANONYMOUS, () -> {
            decisions.incrementAndGet();
            return Decision.change("never", (kept, actor) -> false, ConnectionNotFound::new);
        }));
        assertEquals(IdempotentRequests.ATTEMPTS, decisions.get(), "a change that keeps losing is refused in the end");

        decisions.set(0);
        assertThrows(InvalidRequest.class, () -> requests.commit(Actor.ANONYMOUS, () -> {
            decisions.incrementAndGet();
            return Decision.changeUnlessRefused("never", (kept, actor) -> false, () -> InvalidRequest.of("f", "taken"));
        }));
        assertEquals(1, decisions.get(), "a rule the store keeps is not decided again");
    }
}
