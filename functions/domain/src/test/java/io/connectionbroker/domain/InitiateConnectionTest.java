package io.connectionbroker.domain;

import static io.connectionbroker.domain.TestBroker.toPrivate;
import static io.connectionbroker.domain.TestBroker.toUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.ModeNotOffered;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InitiateConnectionTest {
    private final TestBroker broker = new TestBroker();
    private final Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

    @Test
    void aDestinationUrlMakesAPublicPendingConnectionWithAnInvitation() {
        InitiateConnection.Initiated initiated = broker.commit(() -> broker.initiate.initiate(acme,
                toUrl("https://Beta.freshdesk.com/", Mode.SCRIPT)));

        Connection connection = initiated.connection();
        assertEquals(ConnectionType.PUBLIC, connection.type());
        assertEquals(ConnectionStatus.PENDING, connection.status());
        assertEquals(Mode.SCRIPT, connection.mode());
        assertEquals(new Side(acme.id(), acme.url(), Platform.ZENDESK, "acme", "SUPPORT", true), connection.source());
        assertEquals(new Side(null, InstanceUrl.parse("u", "https://beta.freshdesk.com"), Platform.FRESHDESK, "beta",
                null), connection.destination(), "the platform is known by the host; reachability once it registers");
        assertEquals(connection, broker.store.findConnection(connection.id()).orElseThrow());
        Invitation invitation = broker.store.findInvitation(initiated.code().id()).orElseThrow();
        assertTrue(invitation.hash().matches(initiated.code().hash()));
        assertEquals(connection.invitationExpiresAt(), invitation.expiresAt());
    }

    @Test
    void noUrlMakesAPrivateConnectionWhoseDestinationUrlIsUnknown() {
        Connection connection = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection();

        assertEquals(ConnectionType.PRIVATE, connection.type());
        assertNull(connection.destination().url());
    }

    @Test
    void theInitiatorsOwnUrlMakesALocalConnection() {
        Connection connection = broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://ACME.zendesk.com/", Mode.VISUAL)))
                .connection();

        assertEquals(ConnectionType.LOCAL, connection.type());
        assertEquals(acme.url(), connection.destination().url());
        assertEquals(Platform.ZENDESK, connection.destination().platform());
    }

    @Test
    void theNameDefaultsToLocalToRemote() {
        assertEquals("acme_to_beta", broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://b.freshdesk.com", Mode.BASIC)))
                .connection().name());
        assertEquals("My link", broker.commit(() -> broker.initiate.initiate(acme, new InitiateConnection.Command("https://b.freshdesk.com",
                false, Mode.BASIC, "acme", "beta", "  My link ", null, "SUPPORT"))).connection().name());
    }

    @Test
    void theInvitationLastsSeventyTwoHoursByDefault() {
        Connection connection = broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.BASIC))).connection();

        assertEquals(Duration.ofHours(72), Duration.between(connection.createdAt(), connection.invitationExpiresAt()));
    }

    @Test
    void theInvitationLifetimeIsConfigurable() {
        InitiateConnection shortLived = new InitiateConnection(broker.store, broker.clock, broker.entropy,
                Duration.ofMinutes(15));

        Connection connection = broker.commit(() -> shortLived.initiate(acme, toPrivate(Mode.BASIC))).connection();

        assertEquals(Duration.ofMinutes(15), Duration.between(connection.createdAt(), connection.invitationExpiresAt()));
        assertThrows(IllegalArgumentException.class,
                () -> new InitiateConnection(broker.store, broker.clock, broker.entropy, Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "acme-support_2", "A1234567890123456789012345678901234567_9"})
    void shortNamesOfLettersDigitsDashAndUnderscoreUpTo40AreAccepted(String shortName) {
        broker.commit(() -> broker.initiate.initiate(acme, new InitiateConnection.Command(null, true, Mode.BASIC, shortName, shortName,
                null, null, "SUPPORT")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme support", "acme.support", "ünïcode", "A12345678901234567890123456789012345678_9"})
    void otherShortNamesAreRefusedNamingTheField(String shortName) {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> broker.commit(() -> broker.initiate.initiate(acme,
                new InitiateConnection.Command(null, true, Mode.BASIC, shortName, "ok", null, null, "SUPPORT"))));

        assertEquals(List.of("localShortName"), refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theDescriptionHoldsAtMost1000Characters() {
        broker.commit(() -> broker.initiate.initiate(acme, new InitiateConnection.Command(null, true, Mode.BASIC, "a", "b", null,
                "x".repeat(1000), "SUPPORT")));

        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> broker.commit(() -> broker.initiate.initiate(acme,
                new InitiateConnection.Command(null, true, Mode.BASIC, "a", "b", null, "x".repeat(1001), "SUPPORT"))));
        assertEquals("description", refused.errors().get(0).field());
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsStored() {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> broker.commit(() -> broker.initiate.initiate(acme,
                new InitiateConnection.Command(" ", false, null, null, "b b", "", null, " "))));

        assertEquals(List.of("destination.url", "mode", "localShortName", "remoteShortName", "name", "project"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aDestinationNoHelpdeskCanBeIsRefusedOnceTheFieldsAreRight() {
        UnsupportedInstanceUrl refused = assertThrows(UnsupportedInstanceUrl.class, () -> broker.commit(() -> broker.initiate.initiate(
                acme, toUrl("https://beta.example.com", Mode.BASIC))));

        assertTrue(refused.detail().startsWith("destination.url "), refused.detail());
        assertEquals(0, broker.store.findConnectionsOf(acme.id(), 10, null).connections().size());
    }

    @ParameterizedTest
    @CsvSource({
        "ZENDESK, BASIC, true", "ZENDESK, VISUAL, true", "ZENDESK, SCRIPT, true",
        "FRESHDESK, BASIC, true", "FRESHDESK, VISUAL, false", "FRESHDESK, SCRIPT, true",
        "FRESHSERVICE, BASIC, true", "FRESHSERVICE, VISUAL, false", "FRESHSERVICE, SCRIPT, true",
    })
    void eachPlatformOffersItsModes(Platform platform, Mode mode, boolean offered) {
        Instance initiator = broker.instance("https://x." + platform.host(), platform);
        InitiateConnection.Command command = toUrl("https://elsewhere.zendesk.com", mode);

        if (offered) {
            assertEquals(mode, broker.commit(() -> broker.initiate.initiate(initiator, command)).connection().mode());
        } else {
            ModeNotOffered refused = assertThrows(ModeNotOffered.class,
                    () -> broker.commit(() -> broker.initiate.initiate(initiator, command)));
            assertEquals(List.of(Mode.BASIC, Mode.SCRIPT), refused.offeredModes());
            assertTrue(refused.rule().contains(platform.name()), refused.rule());
        }
    }

    @Test
    void visualIsNotOfferedForPrivateConnections() {
        ModeNotOffered refused = assertThrows(ModeNotOffered.class,
                () -> broker.commit(() -> broker.initiate.initiate(acme, toPrivate(Mode.VISUAL))));

        assertTrue(refused.rule().contains("private"), refused.rule());
        assertEquals(List.of(Mode.BASIC, Mode.SCRIPT), refused.offeredModes());
    }

    @Test
    void scriptNeedsATrialOrPaidLicence() {
        Instance free = broker.instance("https://free.zendesk.com", Platform.ZENDESK, License.FREE, true);
        Instance trial = broker.instance("https://trial.zendesk.com", Platform.ZENDESK, License.TRIAL, true);

        ModeNotOffered refused = assertThrows(ModeNotOffered.class,
                () -> broker.commit(() -> broker.initiate.initiate(free, toUrl("https://b.zendesk.com", Mode.SCRIPT))));
        assertTrue(refused.rule().contains("licence"), refused.rule());
        assertEquals(List.of(Mode.BASIC, Mode.VISUAL), refused.offeredModes());
        assertEquals(Mode.SCRIPT, broker.commit(() -> broker.initiate.initiate(trial, toUrl("https://b.freshdesk.com", Mode.SCRIPT)))
                .connection().mode());
    }

    @Test
    void scriptNeedsAPublicInitiatingInstance() {
        Instance hidden = broker.instance("https://hidden.zendesk.com", Platform.ZENDESK, License.PAID, false);

        ModeNotOffered refused = assertThrows(ModeNotOffered.class,
                () -> broker.commit(() -> broker.initiate.initiate(hidden, toUrl("https://b.freshdesk.com", Mode.SCRIPT))));

        assertTrue(refused.rule().contains("public"), refused.rule());
    }

    @Test
    void aRegisteredDestinationMustOfferTheModeToo() {
        broker.instance("https://beta.freshdesk.com", Platform.FRESHDESK);

        ModeNotOffered refused = assertThrows(ModeNotOffered.class,
                () -> broker.commit(() -> broker.initiate.initiate(acme, toUrl("https://beta.freshdesk.com", Mode.VISUAL))));

        assertTrue(refused.rule().contains("destination"), refused.rule());
        assertEquals(List.of(Mode.BASIC, Mode.SCRIPT), refused.offeredModes());
    }

    @Test
    void aPrivateInstanceCannotInviteAPrivateDestination() {
        Instance hidden = broker.instance("https://hidden.zendesk.com", Platform.ZENDESK, License.PAID, false);

        assertThrows(ConnectionNotAllowed.class, () -> broker.commit(() -> broker.initiate.initiate(hidden, toPrivate(Mode.BASIC))));
        assertEquals(ConnectionType.PUBLIC,
                broker.commit(() -> broker.initiate.initiate(hidden, toUrl("https://b.freshdesk.com", Mode.BASIC))).connection().type());
    }
}
