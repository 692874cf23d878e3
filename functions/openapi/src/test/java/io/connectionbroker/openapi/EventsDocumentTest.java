package io.connectionbroker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectionbroker.domain.EventType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event feed's schemas (src/main/openapi/events.yml, written by hand) name every event type the domain
 * writes and no other, each with its own schema whose {@code type} is that type alone.
 */
class EventsDocumentTest {
    private static final Document DOCUMENT = Document.load();

    @Test
    void everyEventTypeHasItsSchemaAndNoOtherIsDocumented() {
        Schema<?> event = DOCUMENT.model.getComponents().getSchemas().get("Event");
        Map<String, String> mapping = event.getDiscriminator().getMapping();
        Set<String> domain = Arrays.stream(EventType.values()).map(EventType::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(domain, new TreeSet<>(mapping.keySet()));
        assertEquals(domain.size(), event.getOneOf().size());
        mapping.forEach((type, ref) -> {
            Schema<?> schema = DOCUMENT.model.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            Schema<?> typeProperty = (Schema<?>) schema.getProperties().get("type");
            assertEquals(java.util.List.of(type), typeProperty.getEnum(), ref);
        });
    }
}
