import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.util.Iterator;
import java.util.Map;

/**
 * A build step of the openapi module (run as a source file, never packaged): micronaut-openapi drops every
 * null from the examples it reads off the annotations, so an example of an answer whose field is always sent
 * but null (a pending destination's instanceId, the last page's next) would lack that required field. This
 * puts it back: in every response example, a property the schema requires and allows to be null, and the
 * example leaves out, is written as null. Nothing else of the document changes, but its YAML layout.
 *
 * <p>java -cp <the module's compile class path> src/build/ExampleNulls.java <the document>
 */
public final class ExampleNulls {
    private final JsonNode schemas;

    private ExampleNulls(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        JsonNode document = yaml.readTree(file);
        ExampleNulls nulls = new ExampleNulls(document);
        int filled = 0;
        for (JsonNode path : iterable(document.path("paths").elements())) {
            for (JsonNode operation : iterable(path.elements())) {
                for (JsonNode response : iterable(operation.path("responses").elements())) {
                    for (JsonNode media : iterable(response.path("content").elements())) {
                        for (JsonNode example : iterable(media.path("examples").elements())) {
                            filled += nulls.fill(example.path("value"), media.path("schema"));
                        }
                    }
                }
            }
        }
        yaml.writeValue(file, document);
        System.out.println("ExampleNulls: " + filled + " null fields put back into the document's examples");
    }

    /** @return how many nulls it put back into the value */
    private int fill(JsonNode value, JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return fill(value, matching(value, schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")));
        }
        int filled = 0;
        if (value.isArray()) {
            for (JsonNode item : value) {
                filled += fill(item, schema.path("items"));
            }
        } else if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                JsonNode property = properties.path(required.asText());
                boolean nullable = property.path("nullable").asBoolean(false)
                        || resolve(property).path("nullable").asBoolean(false);
                if (!object.has(required.asText()) && nullable) {
                    object.putNull(required.asText());
                    filled++;
                }
            }
            for (Map.Entry<String, JsonNode> field : iterable(object.fields())) {
                if (properties.has(field.getKey())) {
                    filled += fill(field.getValue(), properties.get(field.getKey()));
                }
            }
        }
        return filled;
    }

    /** The alternative whose properties hold every field of the value. */
    private JsonNode matching(JsonNode value, JsonNode alternatives) {
        for (JsonNode alternative : alternatives) {
            JsonNode properties = resolve(alternative).path("properties");
            boolean all = true;
            for (String name : iterable(value.fieldNames())) {
                all &= properties.has(name);
            }
            if (all) {
                return alternative;
            }
        }
        return alternatives.path(0);
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
