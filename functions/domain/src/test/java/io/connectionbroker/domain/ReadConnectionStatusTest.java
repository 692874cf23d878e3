package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectionbroker.domain.refusal.ConnectionNotFound;
import io.connectionbroker.domain.refusal.Unauthenticated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A status read authenticates exactly as every route does, then shows what ViewConnection shows. */
class ReadConnectionStatusTest {
    private final TestBroker broker = new TestBroker();
    private final ReadConnectionStatus read = new ReadConnectionStatus(broker.store, broker.authenticate, broker.clock);
    private final RegisterInstance.Registered acme = broker.register("https://acme.zendesk.com");
    private final RegisterInstance.Registered stranger = broker.register("https://stranger.zendesk.com");

    @Test
    void aSideReadsItsConnectionWithItsKey() {
        Connection initiated = initiate();

        ReadConnectionStatus.StatusRead status = read.read(acme.apiKey().reveal(), initiated.id());

        assertEquals(acme.instance(), status.caller().instance());
        assertEquals(acme.apiKey().id(), status.caller().keyId());
        assertEquals(broker.view.view(acme.instance(), initiated.id()), status.connection());
    }

    @Test
    void withoutAValidKeyTheAnswerIsUnauthenticatedWhateverTheIdAsks() {
        Connection initiated = initiate();
        String unknownKey = ApiKey.issue(broker.entropy).reveal();

        for (String id : new String[] {initiated.id(), broker.entropy.uuid().toString(), "not-an-id"}) {
            assertThrows(Unauthenticated.class, () -> read.read(null, id), id);
            assertThrows(Unauthenticated.class, () -> read.read("not a key", id), id);
            assertThrows(Unauthenticated.class, () -> read.read(unknownKey, id), id);
        }
    }

    @Test
    void aStrangerIsKnownButShownNothingAsForAnUnknownOrMalformedId() {
        Connection initiated = initiate();

        ReadConnectionStatus.StatusRead strangers = read.read(stranger.apiKey().reveal(), initiated.id());
        ReadConnectionStatus.StatusRead unknown = read.read(acme.apiKey().reveal(), broker.entropy.uuid().toString());
        ReadConnectionStatus.StatusRead malformed = read.read(acme.apiKey().reveal(), "not-an-id");

        assertEquals(stranger.instance(), strangers.caller().instance(), "the log still names who asked");
        assertEquals(acme.instance(), malformed.caller().instance());
        ConnectionNotFound forStranger = assertThrows(ConnectionNotFound.class, strangers::connection);
        assertEquals(assertThrows(ConnectionNotFound.class, unknown::connection).detail(), forStranger.detail());
        assertThrows(ConnectionNotFound.class, malformed::connection);
    }

    @Test
    void aPendingConnectionWhoseInvitationLapsedShowsAsExpired() {
        Connection initiated = initiate();
        broker.clock.advance(Duration.ofHours(72));

        Connection seen = read.read(acme.apiKey().reveal(), initiated.id()).connection();

        assertEquals(ConnectionStatus.EXPIRED, seen.status());
        assertNull(seen.destination().url());
    }

    private Connection initiate() {
        return broker.commit(() -> broker.initiate.initiate(acme.instance(), toPrivate(Mode.BASIC))).connection();
    }
}
