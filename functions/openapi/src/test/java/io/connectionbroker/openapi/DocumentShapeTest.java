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

    @Test
    void theProblemTypesAreExactlyTheKindsTheApiAnswersWith() {
        Set<String> documented = new java.util.TreeSet<>();
        problemProperty("type").getEnum().forEach(type -> documented.add(type.toString()));
        Set<String> answered = new java.util.TreeSet<>();
        for (io.connectionbroker.domain.refusal.Refusal.Kind kind
                : io.connectionbroker.domain.refusal.Refusal.Kind.values()) {
            answered.add(PROBLEM + kind.slug());
        }
        // What the edge answers itself: a body it will not read, a route or method that does not exist, a
        // fault of its own.
        for (String edge : List.of("payload-too-large", "unsupported-media-type", "not-found", "method-not-allowed",
                "not-acceptable", "internal-error")) {
            answered.add(PROBLEM + edge);
        }
        assertEquals(answered, documented);
    }

    /** Found by a new app developer: four kinds the API really answers belonged to no operation. */
    @Test
    void everyProblemKindBelongsToSomeOperationAndEveryOperationHasTheEdgesAnswers() {
        Set<String> onOperations = new java.util.TreeSet<>();
        DOCUMENT.operations().forEach((name, operation) -> {
            assertEquals("#/components/responses/AnsweredByTheEdge",
                    operation.getResponses().get("default").get$ref(), name + " lacks the edge's answers");
            operation.getResponses().values().forEach(response -> {
                var resolved = response.get$ref() == null ? response : DOCUMENT.model.getComponents().getResponses()
                        .get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                if (resolved.getContent() != null && resolved.getContent().get("application/problem+json") != null) {
                    var examples = resolved.getContent().get("application/problem+json").getExamples();
                    if (examples != null) {
                        examples.keySet().forEach(kind -> onOperations.add(PROBLEM + kind));
                    }
                }
            });
        });
        Set<String> documented = new java.util.TreeSet<>();
        problemProperty("type").getEnum().forEach(type -> documented.add(type.toString()));

        assertEquals(documented, onOperations);
    }

    @Test
    void theProblemsModesAndStatusesAreTheDomainsOwn() {
        assertEquals(names(io.connectionbroker.domain.Mode.values()), strings(problemProperty("mode").getEnum()));
        assertEquals(names(io.connectionbroker.domain.Mode.values()),
                strings(problemProperty("offeredModes").getItems().getEnum()));
        assertEquals(names(io.connectionbroker.domain.ConnectionStatus.values()),
                strings(problemProperty("connectionStatus").getEnum()));
        assertEquals(names(io.connectionbroker.domain.ConnectionStatus.values()), strings(DOCUMENT.operations()
                .get("GET /v1/connections").getParameters().stream().filter(p -> p.getName().equals("status"))
                .findFirst().orElseThrow().getSchema().getEnum()), "the list's status filter");
    }

    @Test
    void theAdminAccessExampleIsABasicConnection() throws Exception {
        Object example = DOCUMENT.operations().get("POST /v1/connections").getResponses().get("201").getContent()
                .get("application/json").getExamples().get("admin access").getValue();
        com.fasterxml.jackson.databind.JsonNode connection = io.swagger.v3.core.util.Json.mapper()
                .valueToTree(example).get("connection");

        assertEquals("BASIC", connection.get("mode").asText(), "the server refuses admin access for other modes");
    }

    /** Found by Schemathesis (seed 1): a path parameter that is not UTF-8 once decoded gets API Gateway's 400. */
    @Test
    void everyOperationWithAPathParameterDocumentsTheGatewaysOwn400() {
        DOCUMENT.operations().forEach((operation, described) -> {
            if (operation.contains("{")) {
                io.swagger.v3.oas.models.responses.ApiResponse badRequest = described.getResponses().get("400");
                assertNotNull(badRequest, operation + " documents no 400");
                if (badRequest.get$ref() != null) {
                    badRequest = DOCUMENT.model.getComponents().getResponses()
                            .get(badRequest.get$ref().substring(badRequest.get$ref().lastIndexOf('/') + 1));
                }
                assertTrue(badRequest.getContent().containsKey("application/json"), operation
                        + ": API Gateway answers a path it cannot decode {\"message\": \"Bad Request\"}");
            }
        });
    }

    /** A schema's name is a type's name in a generated client: never a Java nesting like Outer.Inner. */
    @Test
    void schemaNamesAreTheOnesTheCodeGivesThem() {
        DOCUMENT.model.getComponents().getSchemas().keySet().forEach(name ->
                assertTrue(name.matches("[A-Z][A-Za-z0-9]*"), name + " is no type name"));
        assertTrue(DOCUMENT.model.getComponents().getSchemas().containsKey("Proof"));
        assertTrue(DOCUMENT.model.getComponents().getSchemas().containsKey("Destination"));
    }

    /**
     * The answers carry every field, null when unknown: each field that is never null is required. (The nullable
     * ones are not yet: micronaut-openapi drops null values from the examples, which would then fail their
     * schema.)
     */
    @Test
    void everyFieldOfAnAnswerIsRequiredNullOrNot() {
        // Problem members depend on the kind; the others are requests' parts.
        Set<String> partial = Set.of("Problem", "Destination", "Proof");
        List<String> optional = new java.util.ArrayList<>();
        DOCUMENT.model.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null && !name.endsWith("Request") && !partial.contains(name)) {
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                schema.getProperties().keySet().stream().filter(property -> !required.contains(property))
                        .forEach(property -> optional.add(name + "." + property));
            }
        });
        // Every answer sends each of its fields, null when not known (README): a client may rely on the key.
        assertEquals(List.of(), optional, "answer fields the document calls optional");
    }

    /** What the server refuses, the document says: the text limits and shapes of every request field. */
    @Test
    void requestFieldsStateTheLimitsTheServerEnforces() {
        var schemas = DOCUMENT.model.getComponents().getSchemas();
        for (String shortName : List.of("localShortName", "remoteShortName")) {
            io.swagger.v3.oas.models.media.Schema<?> field = property(schemas.get("InitiateRequest"), shortName);
            assertEquals(io.connectionbroker.domain.Texts.SHORT_NAME_PATTERN, field.getPattern());
            assertEquals(io.connectionbroker.domain.Texts.SHORT_NAME_MAX, field.getMaxLength());
        }
        assertEquals(io.connectionbroker.domain.Texts.NAME_MAX,
                property(schemas.get("InitiateRequest"), "name").getMaxLength());
        assertEquals(io.connectionbroker.domain.Texts.DESCRIPTION_MAX,
                property(schemas.get("InitiateRequest"), "description").getMaxLength());
        for (String request : List.of("InitiateRequest", "AcceptRequest")) {
            assertEquals(io.connectionbroker.domain.Texts.PROJECT_MAX,
                    property(schemas.get(request), "project").getMaxLength(), request);
            assertEquals(1, property(schemas.get(request), "project").getMinLength(), request);
        }
        for (String request : List.of("AcceptRequest", "DeclineRequest")) {
            assertEquals(io.connectionbroker.domain.InvitationCode.PATTERN,
                    property(schemas.get(request), "code").getPattern(), request);
        }
        for (String request : List.of("RegisterRequest", "RecoverRequest", "UrlChange", "Destination")) {
            assertEquals(io.connectionbroker.domain.InstanceUrl.PATTERN,
                    property(schemas.get(request), "url").getPattern(), request);
            assertEquals(io.connectionbroker.domain.InstanceUrl.MAX_LENGTH,
                    property(schemas.get(request), "url").getMaxLength(), request);
        }
        for (String part : List.of("email", "token", "apiKey", "accessToken")) {
            assertEquals(io.connectionbroker.domain.Proof.PART_PATTERN,
                    property(schemas.get("Proof"), part).getPattern(), part);
        }
    }

    private static io.swagger.v3.oas.models.media.Schema<?> property(io.swagger.v3.oas.models.media.Schema<?> schema,
                                                                      String name) {
        return (io.swagger.v3.oas.models.media.Schema<?>) schema.getProperties().get(name);
    }

    private static final String PROBLEM = "urn:connection-broker:problem:";

    private static io.swagger.v3.oas.models.media.Schema<?> problemProperty(String name) {
        return (io.swagger.v3.oas.models.media.Schema<?>) DOCUMENT.model.getComponents().getSchemas().get("Problem")
                .getProperties().get(name);
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new java.util.TreeSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static Set<String> strings(List<?> values) {
        Set<String> strings = new java.util.TreeSet<>();
        values.forEach(value -> strings.add(value.toString()));
        return strings;
    }
}
