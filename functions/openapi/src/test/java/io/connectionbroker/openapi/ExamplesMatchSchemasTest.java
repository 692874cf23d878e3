package io.connectionbroker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every example the OpenAPI document shows (request bodies, answers, and through them each problem type's
 * example) validates against the schema it illustrates, and every operation has one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesMatchSchemasTest {
    private static final String SOME_ID = "f1ab0ffc-9c92-476a-8522-2b4901d8b2d9";
    private Document document;

    @BeforeAll
    void load() {
        document = Document.load();
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Operation> entry : document.operations().entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(method.length() + 1).replace("{id}", SOME_ID);
            Operation operation = entry.getValue();
            if (operation.getRequestBody() != null) {
                for (Map.Entry<String, Object> example : examples(operation.getRequestBody().getContent()
                        .get("application/json")).entrySet()) {
                    Request request = new SimpleRequest.Builder(method, path)
                            .withHeader("Authorization", "Bearer cbk_example").withContentType("application/json")
                            .withBody(json(example.getValue())).build();
                    report(failures, entry.getKey() + " request example " + example.getKey(),
                            document.validator.validateRequest(request));
                    checked++;
                }
            }
            for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                ApiResponse resolved = resolve(response.getValue());
                if (resolved.getContent() == null) {
                    continue;
                }
                for (Map.Entry<String, MediaType> content : resolved.getContent().entrySet()) {
                    for (Map.Entry<String, Object> example : examples(content.getValue()).entrySet()) {
                        String body = json(example.getValue());
                        // A default response's example is of a problem, which says its own status.
                        java.util.regex.Matcher status = java.util.regex.Pattern.compile("\"status\":\\s*(\\d{3})")
                                .matcher(body);
                        int code = response.getKey().equals("default") && status.find()
                                ? Integer.parseInt(status.group(1)) : Integer.parseInt(response.getKey());
                        SimpleResponse.Builder built = SimpleResponse.Builder.status(code)
                                .withContentType(content.getKey()).withBody(body);
                        // An example is a body; the headers its answer always has are sent as documented.
                        if (resolved.getHeaders() != null) {
                            resolved.getHeaders().forEach((name, header) -> {
                                if (Boolean.TRUE.equals(header.getRequired())) {
                                    List<?> allowed = header.getSchema().getEnum();
                                    built.withHeader(name, allowed != null ? String.valueOf(allowed.get(0))
                                            : "/v1/connections/" + SOME_ID);
                                }
                            });
                        }
                        SimpleResponse answer = built.build();
                        report(failures, entry.getKey() + " " + response.getKey() + " example " + example.getKey(),
                                document.validator.validateResponse(path, Request.Method.valueOf(method), answer));
                        checked++;
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 50, "only " + checked + " examples were found");
    }

    @Test
    void everyOperationShowsAnExampleOfItsSuccessAndOfItsRequestBody() {
        Set<String> without = new TreeSet<>();
        document.operations().forEach((name, operation) -> {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null
                        && examples(response.getContent().get("application/json")).isEmpty()) {
                    without.add(name + " " + status);
                }
            });
            if (operation.getRequestBody() != null
                    && examples(operation.getRequestBody().getContent().get("application/json")).isEmpty()) {
                without.add(name + " request body");
            }
        });
        assertEquals(Set.of(), without);
    }

    @Test
    void everyProblemTypeHasOneExampleWhoseStatusIsItsOwn() {
        Map<String, Example> examples = document.model.getComponents().getExamples();
        Set<String> wrong = new TreeSet<>();
        examples.forEach((kind, example) -> {
            Map<?, ?> value = (Map<?, ?>) Json.mapper().convertValue(example.getValue(), Map.class);
            if (!("urn:connection-broker:problem:" + kind).equals(value.get("type"))) {
                wrong.add(kind + " is the example of " + value.get("type"));
            }
        });
        assertEquals(Set.of(), wrong);
        assertTrue(examples.size() >= 20, "problem types documented: " + examples.keySet());
    }

    private Map<String, Object> examples(MediaType media) {
        Map<String, Object> values = new java.util.TreeMap<>();
        if (media == null) {
            return values;
        }
        if (media.getExample() != null) {
            values.put("example", media.getExample());
        }
        if (media.getExamples() != null) {
            media.getExamples().forEach((name, example) -> {
                Example resolved = example.get$ref() == null ? example : document.model.getComponents().getExamples()
                        .get(example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1));
                values.put(name, resolved.getValue());
            });
        }
        return values;
    }

    private ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        return document.model.getComponents().getResponses()
                .get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    }

    private static void report(List<String> failures, String what, ValidationReport report) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> failures.add(what + ": " + m.getKey() + " " + m.getMessage()));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
