package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterInstanceTest {
    private final TestBroker broker = new TestBroker();

    @Test
    void registeringGivesTheInstanceAndAKeyThatAuthenticatesIt() {
        RegisterInstance.Registered registered = broker.register.register(
                new RegisterInstance.Command("https://Acme.zendesk.com/", Platform.ZENDESK, License.TRIAL, true));

        assertEquals("https://acme.zendesk.com", registered.instance().url().value());
        assertEquals(Platform.ZENDESK, registered.instance().platform());
        assertEquals(License.TRIAL, registered.instance().license());
        assertTrue(registered.instance().isPublic());
        assertTrue(registered.apiKey().reveal().startsWith("cbk_"));
        assertEquals(registered.instance(), broker.authenticate.authenticate(registered.apiKey().reveal()));
    }

    @Test
    void anInstanceIsPublicUnlessSaidOtherwise() {
        assertTrue(broker.register.register(new RegisterInstance.Command("https://a.zendesk.com", Platform.ZENDESK,
                License.FREE, null)).instance().isPublic());
        assertFalse(broker.register.register(new RegisterInstance.Command("https://b.zendesk.com", Platform.ZENDESK,
                License.FREE, false)).instance().isPublic());
    }

    @Test
    void aUrlAlreadyRegisteredInAnySpellingIsRefused() {
        broker.instance("https://acme.zendesk.com", Platform.ZENDESK);

        assertThrows(InstanceAlreadyRegistered.class, () -> broker.register.register(
                new RegisterInstance.Command("https://ACME.zendesk.com/", Platform.FRESHDESK, License.PAID, true)));
    }

    @Test
    void everyMissingOrInvalidFieldIsNamedAtOnce() {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> broker.register.register(
                new RegisterInstance.Command("http://acme.zendesk.com", null, null, null)));

        assertEquals(List.of("url", "platform", "license"), refused.errors().stream().map(FieldError::field).toList());
    }
}
