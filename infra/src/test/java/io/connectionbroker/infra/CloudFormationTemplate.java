package io.connectionbroker.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * infra/template.yaml as plain maps and lists. CloudFormation's short-form tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}) are read as their long forms ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": "A.B"}}, ...), so the tests see one shape whichever form the template uses.
 */
final class CloudFormationTemplate {
    static final Path PATH = Path.of("template.yaml");

    private final Map<String, Object> root;

    private CloudFormationTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static CloudFormationTemplate load() throws IOException {
        try (Reader reader = Files.newBufferedReader(PATH)) {
            return new CloudFormationTemplate(new Yaml(new IntrinsicFunctions()).load(reader));
        }
    }

    Map<String, Object> resources() {
        return map(root, "Resources");
    }

    /** The resources of one type, by logical id. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        return resources().entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> map(entry.getValue())));
    }

    /** A function's property, or the Globals' value where the function leaves it out. */
    Object functionProperty(Map<String, Object> function, String name) {
        Object own = map(function, "Properties").get(name);
        return own != null ? own : map(map(root, "Globals"), "Function").get(name);
    }

    Map<String, Object> section(String name) {
        return map(root, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new AssertionError("expected a sequence, found " + value);
        }
        return (List<Object>) value;
    }

    /** Reads every {@code !Tag} as {@code {"Fn::Tag": value}}, and {@code !Ref} as {@code {"Ref": value}}. */
    private static final class IntrinsicFunctions extends SafeConstructor {
        IntrinsicFunctions() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!tag.startsWith("!")) {
                        throw new IllegalArgumentException("unexpected YAML tag " + tag);
                    }
                    String name = tag.equals("!Ref") ? "Ref" : "Fn::" + tag.substring(1);
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(name, value);
                }
            });
        }
    }
}
