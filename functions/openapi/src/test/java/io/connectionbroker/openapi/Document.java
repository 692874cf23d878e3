package io.connectionbroker.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The generated OpenAPI document, as the tests read it: text, parsed model and validator. */
final class Document {
    final String yaml;
    final OpenAPI model;
    final OpenApiInteractionValidator validator;

    private Document(String yaml) {
        this.yaml = yaml;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (parsed.getOpenAPI() == null || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
            throw new AssertionError("the document does not parse cleanly: " + parsed.getMessages());
        }
        this.model = parsed.getOpenAPI();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
    }

    static Document load() {
        try (InputStream in = Document.class.getClassLoader().getResourceAsStream(ApiDocument.RESOURCE)) {
            if (in == null) {
                throw new AssertionError(ApiDocument.RESOURCE + " was not generated");
            }
            return new Document(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every documented operation, by "METHOD /path/{template}". */
    Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        model.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    /** The documented "METHOD /path/{template}" a concrete request matches, or null. */
    String operationFor(String method, String path) {
        String[] parts = path.split("/", -1);
        for (Map.Entry<String, PathItem> entry : model.getPaths().entrySet()) {
            String[] template = entry.getKey().split("/", -1);
            if (template.length != parts.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
                matches = variable ? !parts[i].isEmpty() : template[i].equals(parts[i]);
            }
            PathItem.HttpMethod httpMethod = PathItem.HttpMethod.valueOf(method);
            if (matches && entry.getValue().readOperationsMap().containsKey(httpMethod)) {
                return httpMethod + " " + entry.getKey();
            }
        }
        return null;
    }
}
