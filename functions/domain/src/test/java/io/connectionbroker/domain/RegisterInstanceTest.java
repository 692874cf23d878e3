package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.HelpdeskUnavailable;
import io.connectionbroker.domain.refusal.InstanceAlreadyRegistered;
import io.connectionbroker.domain.refusal.InvalidRequest;
import io.connectionbroker.domain.refusal.NotAnAdministrator;
import io.connectionbroker.domain.refusal.OwnershipNotProven;
import io.connectionbroker.domain.refusal.PlatformMismatch;
import io.connectionbroker.domain.refusal.UnsupportedInstanceUrl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterInstanceTest {
    private final TestBroker broker = new TestBroker();

    private RegisterInstance.Registered register(String url, Platform platform, Proof proof) {
        return broker.commit(broker.register.register(new RegisterInstance.Command(url, platform, null, proof)));
    }

    @Test
    void anAdministratorsProofRegistersTheInstanceOnATrialWithAKeyThatAuthenticatesIt() {
        RegisterInstance.Registered registered = register("https://Acme.zendesk.com/", null,
                new Proof.ApiToken("admin@acme.test", KnownHelpdesks.ADMIN));

        assertEquals("https://acme.zendesk.com", registered.instance().url().value());
        assertEquals(Platform.ZENDESK, registered.instance().platform());
        assertEquals(License.TRIAL, registered.instance().licenseAt(broker.clock.instant()));
        assertEquals(broker.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(Duration.ofDays(30)),
                registered.instance().trialEndsAt());
        assertTrue(registered.instance().isPublic());
        assertTrue(registered.apiKey().reveal().startsWith("cbk_"));
        assertEquals(registered.instance(), broker.authenticate.authenticate(registered.apiKey().reveal()));
    }

    @Test
    void theTrialEndsInFreeAfterThirtyDays() {
        Instance instance = register("https://acme.freshdesk.com", null, new Proof.ApiKey(KnownHelpdesks.ADMIN))
                .instance();

        assertEquals(License.TRIAL, instance.licenseAt(instance.trialEndsAt().minusMillis(1)));
        assertEquals(License.FREE, instance.licenseAt(instance.trialEndsAt()));
    }

    @Test
    void thePlatformFollowsFromTheHostAndAnotherOneSentIsRefused() {
        assertEquals(Platform.FRESHSERVICE, register("https://it.freshservice.com", Platform.FRESHSERVICE,
                new Proof.ApiKey(KnownHelpdesks.ADMIN)).instance().platform());

        assertThrows(PlatformMismatch.class, () -> register("https://beta.freshdesk.com", Platform.ZENDESK,
                new Proof.ApiKey(KnownHelpdesks.ADMIN)));
        assertEquals(1, broker.helpdesks.asked.get(), "a mismatch is refused before the helpdesk is asked");
    }

    @Test
    void anInstanceIsPublicUnlessSaidOtherwise() {
        Proof proof = new Proof.OAuth(KnownHelpdesks.ADMIN);
        assertTrue(broker.commit(broker.register.register(new RegisterInstance.Command("https://a.zendesk.com", null, null, proof)))
                .instance().isPublic());
        assertFalse(broker.commit(broker.register.register(new RegisterInstance.Command("https://b.zendesk.com", null, false, proof)))
                .instance().isPublic());
    }

    @Test
    void aUrlAlreadyRegisteredInAnySpellingIsRefused() {
        broker.register("https://acme.zendesk.com");

        assertThrows(InstanceAlreadyRegistered.class, () -> register("https://ACME.zendesk.com./", null,
                new Proof.OAuth(KnownHelpdesks.ADMIN)));
    }

    @Test
    void withoutAnAdministratorsConfirmedProofNothingIsRegistered() {
        assertThrows(NotAnAdministrator.class,
                () -> register("https://acme.zendesk.com", null, new Proof.OAuth(KnownHelpdesks.AGENT)));
        assertThrows(OwnershipNotProven.class,
                () -> register("https://acme.zendesk.com", null, new Proof.OAuth("made-up")));
        assertThrows(HelpdeskUnavailable.class,
                () -> register("https://acme.zendesk.com", null, new Proof.OAuth(KnownHelpdesks.DOWN)));

        assertTrue(broker.store.findInstanceByUrl(InstanceUrl.parse("url", "https://acme.zendesk.com")).isEmpty());
    }

    @Test
    void aProofOfAKindThePlatformDoesNotTakeOrWithEmptyPartsIsRefusedBeforeTheHelpdeskIsAsked() {
        InvalidRequest wrongKind = assertThrows(InvalidRequest.class,
                () -> register("https://acme.zendesk.com", null, new Proof.ApiKey(KnownHelpdesks.ADMIN)));
        assertEquals(List.of("proof.kind"), fields(wrongKind));

        InvalidRequest empty = assertThrows(InvalidRequest.class,
                () -> register("https://acme.zendesk.com", null, new Proof.ApiToken(" ", null)));
        assertEquals(List.of("proof.email", "proof.token"), fields(empty));

        assertEquals(0, broker.helpdesks.asked.get());
    }

    @Test
    void missingFieldsAreNamedAtOnceAndAUrlThatNoHelpdeskCanHaveIsRefused() {
        InvalidRequest missing = assertThrows(InvalidRequest.class, () -> register(null, null, null));
        assertEquals(List.of("url", "proof"), fields(missing));

        UnsupportedInstanceUrl refused = assertThrows(UnsupportedInstanceUrl.class,
                () -> register("https://acme.example.com", null, new Proof.OAuth(KnownHelpdesks.ADMIN)));
        assertFalse(refused.detail().contains("example"), refused.detail());
        assertEquals(0, broker.helpdesks.asked.get());
    }

    @Test
    void aProofNeverShowsItsSecret() {
        assertFalse(new Proof.ApiToken("a@b.c", "s3cret").toString().contains("s3cret"));
        assertFalse(new Proof.ApiKey("s3cret").toString().contains("s3cret"));
        assertFalse(new Proof.OAuth("s3cret").toString().contains("s3cret"));
    }

    private static List<String> fields(InvalidRequest refused) {
        return refused.errors().stream().map(FieldError::field).toList();
    }
}
