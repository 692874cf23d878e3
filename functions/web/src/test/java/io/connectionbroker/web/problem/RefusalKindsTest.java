package io.connectionbroker.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectionbroker.domain.refusal.Refusal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the compiler cannot check about the refusals: a status for each kind it does check (the switch in
 * {@link RefusalHandler#statusOf} has no default), but not that the status is a refusal's, nor that the
 * names clients read are stable in form and distinct.
 */
class RefusalKindsTest {

    @Test
    void everyKindIsAnsweredBelow500OrAsTheBusyService() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            int code = RefusalHandler.statusOf(kind).getCode();
            assertTrue((code >= 400 && code < 500) || code == 503, kind + " answers " + code);
        }
    }

    @Test
    void everyKindHasItsOwnUrlSafeNameAndATitle() {
        Set<String> slugs = new HashSet<>();
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            assertTrue(kind.slug().matches("[a-z]+(-[a-z]+)*"), kind.slug());
            assertEquals(kind.name(), kind.slug().toUpperCase().replace('-', '_'), "the name is the constant's");
            assertTrue(slugs.add(kind.slug()), "two kinds named " + kind.slug());
            assertTrue(!kind.title().isBlank() && kind.title().length() < 80, kind.title());
        }
        assertEquals(Refusal.Kind.values().length, Arrays.stream(Refusal.class.getPermittedSubclasses())
                .count(), "one permitted class per kind");
    }
}
