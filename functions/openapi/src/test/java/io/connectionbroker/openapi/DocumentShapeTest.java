package io.connectionbroker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What app developers' tools misread in the document, checked here whether or not the linters are installed
 * (functions/linters runs Redocly and Spectral on it too).
 */
class DocumentShapeTest {
    private static final Document DOCUMENT = Document.load();

    @Test
    void noSchemaHasAPhantomPropertyNamedAfterASchema() {
        Set<String> schemas = DOCUMENT.model.getComponents().getSchemas().keySet();
        DOCUMENT.model.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                for (Object property : schema.getProperties().keySet()) {
                    assertFalse(schemas.contains(property), name + " documents a property named " + property);
                }
            }
        });
        assertTrue(DOCUMENT.model.getComponents().getSchemas().get("Instance").getProperties().containsKey("public"));
        assertTrue(DOCUMENT.model.getComponents().getSchemas().get("RegisterRequest").getProperties()
                .containsKey("public"));
    }

    @Test
    void onlyObjectsSayWhetherTheyTakeOtherProperties() {
        DOCUMENT.model.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, described) -> {
                    io.swagger.v3.oas.models.media.Schema<?> propertySchema =
                            (io.swagger.v3.oas.models.media.Schema<?>) described;
                    if (propertySchema.getType() != null && !"object".equals(propertySchema.getType())) {
                        assertEquals(null, propertySchema.getAdditionalProperties(), name + "." + property);
                    }
                });
            }
        });
    }

    @Test
    void everyOperationSaysWhatSecurityItNeedsAndRegistrationNeedsNone() {
        DOCUMENT.operations().forEach((operation, described) ->
                assertNotNull(described.getSecurity(), operation + " says nothing of security"));
        assertEquals(List.of(), DOCUMENT.operations().get("POST /v1/instances").getSecurity());
        assertEquals(List.of(), DOCUMENT.operations().get("POST /v1/instances/recover").getSecurity());
    }

    @Test
    void aResponseThatIsAReferenceIsOnlyThat() {
        Pattern siblings = Pattern.compile("\\n( +)\"\\d{3}\":\\n\\1  description:[^\\n]*\\n\\1  \\$ref:");

        assertFalse(siblings.matcher(DOCUMENT.yaml).find(), "a response $ref with a description beside it");
    }

    @Test
    void theServersAreTheDeployedApiAndTheLocalOne() {
        assertEquals(List.of("https://{apiId}.execute-api.{region}.amazonaws.com", "http://localhost:8080"),
                DOCUMENT.model.getServers().stream().map(server -> server.getUrl()).toList());
    }
}
