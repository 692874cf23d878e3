package io.connectionbroker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Checks every answer the function tests got from the real handlers (each module's
 * target/http-exchanges.jsonl, written by FunctionUnderTest) against the OpenAPI document: the status is
 * documented for the operation, the body and headers match its schema, a successful request matches the
 * request schema, and a problem's type is one the operation documents for that status. Runs after the
 * function modules have been tested ({@code ./mvnw verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedAnswersMatchDocumentTest {
    /** The problems a function answers for a route it does not serve. */
    private static final Set<String> ROUTING = Set.of("urn:connection-broker:problem:not-found",
            "urn:connection-broker:problem:method-not-allowed");

    private Document document;
    private Map<String, List<RecordedExchange>> recorded;

    @BeforeAll
    void load() {
        document = Document.load();
        recorded = RecordedExchange.all();
    }

    @Test
    void everyFunctionModuleRecordedItsExchanges() throws IOException {
        assertEquals(lambdaModules(), recorded.keySet(),
                "every function module's tests record their exchanges; run ./mvnw verify from the top");
    }

    @Test
    void everyAnswerMatchesTheDocument() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (RecordedExchange exchange : exchanges()) {
            String operation = document.operationFor(exchange.method(), exchange.path());
            boolean routing = exchange.problemType() != null && ROUTING.contains(exchange.problemType());
            if (operation == null || routing) {
                // Not a route of this function (in AWS, API Gateway would not send it here): the framework's
                // own refusal, which must still be a problem.
                if (!routing) {
                    failures.add("undocumented route answered: " + exchange);
                }
                continue;
            }
            ValidationReport report = exchange.succeeded()
                    ? document.validator.validate(exchange.request(), exchange.response())
                    : document.validator.validateResponse(exchange.path(),
                    com.atlassian.oai.validator.model.Request.Method.valueOf(exchange.method()), exchange.response());
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> failures.add(m.getKey() + " " + m.getMessage() + "\n    in " + exchange));
            String type = exchange.problemType();
            if (type != null) {
                Set<String> documented = problemTypes(document.operations().get(operation), exchange.status());
                if (!documented.contains(type)) {
                    failures.add(operation + " documents " + documented + " for " + exchange.status() + ", not " + type
                            + "\n    in " + exchange);
                }
            }
            checked++;
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " answers do not match the document:\n" + String.join("\n", new TreeSet<>(failures)));
        }
        assertTrue(checked > 200, "only " + checked + " exchanges were recorded");
    }

    @Test
    void everyDocumentedStatusOfEveryOperationIsReachedByAFunctionTest() {
        Map<String, Set<String>> reached = new TreeMap<>();
        for (RecordedExchange exchange : exchanges()) {
            String operation = document.operationFor(exchange.method(), exchange.path());
            if (operation != null) {
                reached.computeIfAbsent(operation, o -> new TreeSet<>()).add(Integer.toString(exchange.status()));
            }
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        document.operations().forEach((operation, documented) -> {
            Set<String> statuses = new TreeSet<>(documented.getResponses().keySet());
            // The edge's answers, the same on every operation (EdgeAnswers), are reached by LocalApiTest.
            statuses.remove("default");
            statuses.removeAll(reached.getOrDefault(operation, Set.of()));
            if (!statuses.isEmpty()) {
                missing.put(operation, statuses);
            }
        });
        assertEquals(Map.of(), missing, "documented answers no function test has seen");
    }

    /** The headers a client acts on (where the new thing is, not to cache, a replay) are declared where sent. */
    @Test
    void everyHeaderAClientActsOnIsDeclaredOnTheAnswerThatSendsIt() {
        Map<String, Set<String>> undeclared = new TreeMap<>();
        for (RecordedExchange exchange : exchanges()) {
            String operation = document.operationFor(exchange.method(), exchange.path());
            if (operation == null || exchange.status() >= 300) {
                continue;
            }
            ApiResponse response = resolve(document.operations().get(operation).getResponses()
                    .get(Integer.toString(exchange.status())));
            Set<String> declared = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            if (response != null && response.getHeaders() != null) {
                declared.addAll(response.getHeaders().keySet());
            }
            exchange.responseHeaders().keySet().stream()
                    .filter(name -> Set.of("location", "cache-control", "idempotent-replayed", "etag")
                            .contains(name.toLowerCase(java.util.Locale.ROOT)))
                    .filter(name -> !declared.contains(name))
                    .forEach(name -> undeclared.computeIfAbsent(operation + " " + exchange.status(),
                            o -> new TreeSet<>()).add(name));
        }
        assertEquals(Map.of(), undeclared, "headers answers send that their response does not declare");
    }

    /** The problem types an operation's response documents by its examples (named by the type's kind). */
    private Set<String> problemTypes(Operation operation, int status) {
        Set<String> types = new TreeSet<>();
        ApiResponse response = resolve(operation.getResponses().get(Integer.toString(status)));
        if (response != null && response.getContent() != null) {
            MediaType problem = response.getContent().get("application/problem+json");
            if (problem != null && problem.getExamples() != null) {
                for (Example example : problem.getExamples().values()) {
                    Example resolved = example.get$ref() == null ? example : document.model.getComponents()
                            .getExamples().get(example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1));
                    if (resolved.getValue() instanceof Map<?, ?> value) {
                        types.add(String.valueOf(value.get("type")));
                    } else if (resolved.getValue() instanceof com.fasterxml.jackson.databind.JsonNode node) {
                        types.add(node.path("type").asText());
                    }
                }
            }
        }
        return types;
    }

    private ApiResponse resolve(ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return document.model.getComponents().getResponses().get(name);
    }

    private List<RecordedExchange> exchanges() {
        return recorded.values().stream().flatMap(List::stream).toList();
    }

    /** The modules that deploy a Lambda function: those that build a shaded jar. */
    private static Set<String> lambdaModules() throws IOException {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(RecordedExchange.FUNCTIONS)) {
            for (Path dir : dirs.toList()) {
                if (RecordedExchange.isLambda(dir)) {
                    modules.add(dir.getFileName().toString());
                }
            }
        }
        return modules;
    }
}
