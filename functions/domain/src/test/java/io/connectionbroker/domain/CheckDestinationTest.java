package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.ConnectionNotAllowed;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.ModeNotOffered;
import io.connectionbroker.domain.refusal.Refusal;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checking a destination and initiating to it decide alike, for every kind of initiator and destination. */
class CheckDestinationTest {
    private final TestBroker broker = new TestBroker();
    private final CheckDestination check = new CheckDestination(broker.store, broker.clock);

    /** Each destination kind, as the URL to send (null for private), built for the initiator given. */
    private Map<String, java.util.function.Function<Instance, String>> destinations() {
        Map<String, java.util.function.Function<Instance, String>> kinds = new LinkedHashMap<>();
        kinds.put("private", initiator -> null);
        kinds.put("local", initiator -> initiator.url().value());
        for (Platform platform : Platform.values()) {
            String host = platform.host();
            kinds.put("unregistered " + platform, initiator -> "https://nobody-yet." + host);
            for (boolean isPublic : new boolean[] {true, false}) {
                String url = "https://" + (isPublic ? "open" : "closed") + "." + host;
                broker.instance(url, platform, License.PAID, isPublic);
                kinds.put((isPublic ? "public " : "private ") + platform, initiator -> url);
            }
        }
        return kinds;
    }

    @Test
    void theCheckOffersExactlyWhatInitiatingAccepts() {
        Map<String, java.util.function.Function<Instance, String>> destinations = destinations();
        int initiators = 0;
        int initiated = 0;
        List<String> refusedReasons = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            for (License license : License.values()) {
                for (boolean isPublic : new boolean[] {true, false}) {
                    Instance initiator = broker.instance("https://initiator-" + initiators++ + "." + platform.host(),
                            platform, license, isPublic);
                    for (var destination : destinations.entrySet()) {
                        String url = destination.getValue().apply(initiator);
                        DestinationOffer offer = check.check(initiator, url, url == null);
                        for (Mode mode : Mode.values()) {
                            for (boolean adminAccess : new boolean[] {false, true}) {
                                String cell = platform + " " + license + (isPublic ? " public" : " private") + " to "
                                        + destination.getKey() + ", " + mode + (adminAccess ? " with admin access" : "");
                                Object outcome = initiate(initiator, url, mode, adminAccess);
                                if (offer.blocked() != null) {
                                    assertEquals(offer.blocked(), detailOf(outcome, ConnectionNotAllowed.class), cell);
                                    assertEquals(offer.blocked(), offer.reasonAgainst(mode), cell);
                                } else if (!offer.offers(mode)) {
                                    ModeNotOffered refused = assertInstanceOf(ModeNotOffered.class, outcome, cell);
                                    assertEquals(offer.reasonAgainst(mode), refused.rule(), cell);
                                    assertEquals(offer.offeredModes(), java.util.Set.copyOf(refused.offeredModes()), cell);
                                    refusedReasons.add(refused.rule());
                                } else if (adminAccess && (mode != Mode.BASIC || !offer.adminAccessOffered())) {
                                    assertInstanceOf(ConnectionNotAllowed.class, outcome, cell);
                                } else {
                                    Connection made = assertInstanceOf(InitiateConnection.Initiated.class, outcome, cell)
                                            .connection();
                                    assertEquals(offer.type(), made.type(), cell);
                                    assertEquals(offer.platform(), made.destination().platform(), cell);
                                    assertEquals(offer.reachable(), made.destination().reachable(), cell);
                                    initiated++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(18, initiators);
        // Not a tautology: both outcomes occur many times over.
        assertTrue(initiated > 100, "initiated " + initiated);
        assertTrue(refusedReasons.size() > 100, "refused " + refusedReasons.size());
    }

    private Object initiate(Instance initiator, String url, Mode mode, boolean adminAccess) {
        try {
            return broker.commit(() -> broker.initiate.initiate(initiator, new InitiateConnection.Command(url,
                    url == null, mode, "acme", "beta", null, null, "SUPPORT", adminAccess)));
        } catch (Refusal refused) {
            return refused;
        }
    }

    private static <T> T assertInstanceOf(Class<T> expected, Object outcome, String cell) {
        assertTrue(expected.isInstance(outcome), cell + ": expected " + expected.getSimpleName() + ", got " + outcome);
        return expected.cast(outcome);
    }

    private static String detailOf(Object outcome, Class<? extends Refusal> expected) {
        assertTrue(expected.isInstance(outcome), "expected " + expected.getSimpleName() + ", got " + outcome);
        return ((Refusal) outcome).detail();
    }

    @Test
    void aDestinationNotRegisteredYetIsKnownByItsHostAndKeepsItsPlatformsModes() {
        Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

        DestinationOffer offer = check.check(acme, "HTTPS://Beta.Freshdesk.com/", false);

        assertEquals(ConnectionType.PUBLIC, offer.type());
        assertEquals("https://beta.freshdesk.com", offer.url().value());
        assertNull(offer.registered());
        assertEquals(Platform.FRESHDESK, offer.platform());
        assertNull(offer.reachable(), "not known until it registers");
        assertEquals(java.util.Set.of(Mode.BASIC, Mode.SCRIPT), offer.offeredModes());
        assertTrue(offer.reasonAgainst(Mode.VISUAL).contains("FRESHDESK"), offer.reasonAgainst(Mode.VISUAL));
        assertTrue(offer.adminAccessOffered());
        ModeNotOffered refused = assertThrows(ModeNotOffered.class, () -> broker.commit(() -> broker.initiate.initiate(
                acme, TestBroker.toUrl("https://beta.freshdesk.com", Mode.VISUAL))));
        assertEquals(offer.reasonAgainst(Mode.VISUAL), refused.rule());
    }

    @Test
    void aPrivateDestinationOffersNeitherVisualNorAdminAccess() {
        Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK, License.FREE, true);

        DestinationOffer offer = check.check(acme, null, true);

        assertEquals(ConnectionType.PRIVATE, offer.type());
        assertNull(offer.url());
        assertNull(offer.platform());
        assertEquals(java.util.Set.of(Mode.BASIC), offer.offeredModes());
        assertTrue(offer.reasonAgainst(Mode.SCRIPT).contains("FREE"), offer.reasonAgainst(Mode.SCRIPT));
        assertFalse(offer.adminAccessOffered());
    }

    @Test
    void neitherOrBothOfUrlAndPrivateAndAUrlOffEveryPlatformAreRefused() {
        Instance acme = broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

        for (String missing : new String[] {null, "", "  "}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> check.check(acme, missing, false));
            assertEquals("url", refused.errors().get(0).field());
        }
        InvalidRequest both = assertThrows(InvalidRequest.class,
                () -> check.check(acme, "https://beta.freshdesk.com", true));
        assertTrue(both.detail().contains("private"), both.detail());
        assertThrows(UnsupportedInstanceUrl.class, () -> check.check(acme, "https://example.com", false));
    }
}
