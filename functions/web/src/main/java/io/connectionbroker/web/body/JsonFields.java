package io.connectionbroker.web.body;

import io.connectionbroker.domain.refusal.FieldErrors;
import io.micronaut.json.tree.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one JSON object in a request body. Reading a field of the wrong type, or finding a field
 * the request does not have, records an error naming the field; {@link #throwIfInvalid()} then refuses the
 * request naming every bad field at once. {@link #as} reads the whole object as the record that documents it.
 */
public final class JsonFields {
    /** Fields the service sets itself: a client sending one is told so rather than silently ignored. */
    private static final Set<String> SET_BY_SERVICE = Set.of("id", "status", "type", "createdAt", "updatedAt",
            "invitationExpiresAt", "instanceId", "apiKey");

    private final String path;
    private final JsonNode node;
    private final FieldErrors errors;

    private JsonFields(String path, JsonNode node, FieldErrors errors) {
        this.path = path;
        this.node = node;
        this.errors = errors;
    }

    static JsonFields root(JsonNode node) {
        return new JsonFields("", node, new FieldErrors());
    }

    /** A field name that may be repeated to the caller; any other unknown name is not echoed. */
    private static final java.util.regex.Pattern SHOWABLE_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** Records an error for every field that is not one of {@code allowed}. */
    public JsonFields allowOnly(String... allowed) {
        List<String> names = Arrays.asList(allowed);
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String name = entry.getKey();
            if (!names.contains(name)) {
                // A name of the caller's own making is named only when it is plainly a name: never markup,
                // controls or something shaped like a secret.
                String shown = SHOWABLE_NAME.matcher(name).matches() && !name.matches("cb[a-z]_.*") ? name
                        : "(a field whose name cannot be shown)";
                errors.reject(path + shown, SET_BY_SERVICE.contains(name)
                        ? "is set by the service and cannot be sent"
                        : "is not a field of this request; the fields are " + names);
            }
        }
        return this;
    }

    /** Whether the field was sent at all, JSON null included. */
    public boolean sent(String name) {
        return node.get(name) != null;
    }

    /** Whether the field is present and not JSON null. */
    public boolean has(String name) {
        return value(name) != null;
    }

    /** The string, or null when the field is absent or JSON null. */
    public String string(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            return invalid(name, "must be a string");
        }
        return value.getStringValue();
    }

    /** The boolean, or null when the field is absent or JSON null. */
    public Boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return invalid(name, "must be true or false");
        }
        return value.getBooleanValue();
    }

    /** The enum constant named exactly by the string, or null when the field is absent or JSON null. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** The whole number, or null when the field is absent or JSON null. */
    public Integer integer(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.getNumberValue() instanceof Double || value.getNumberValue() instanceof Float
                || value.getNumberValue() instanceof java.math.BigDecimal
                || value.getLongValue() != value.getIntValue()) {
            return invalid(name, "must be a whole number");
        }
        return value.getIntValue();
    }

    /**
     * The fields of each object in an array (paths like {@code rules[2].field}), or null when absent; an item
     * that is not an object is recorded as an error and stands as null, so indexes stay the array's.
     */
    public java.util.List<JsonFields> objects(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return invalid(name, "must be an array of objects");
        }
        java.util.List<JsonFields> items = new java.util.ArrayList<>();
        int index = 0;
        for (JsonNode item : value.values()) {
            String path = this.path + name + "[" + index++ + "]";
            if (item.isObject()) {
                items.add(new JsonFields(path + ".", item, errors));
            } else {
                errors.reject(path, "must be a JSON object");
                items.add(null);
            }
        }
        return items;
    }

    /** The nested object's fields, or null when the field is absent or JSON null. */
    public JsonFields object(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return invalid(name, "must be a JSON object");
        }
        return new JsonFields(path + name + ".", value, errors);
    }

    /** Whether something is wrong with the field (of this object) already: mistyped, say. */
    public boolean rejected(String name) {
        return errors.names(path + name);
    }

    /** Records that a field (of this object) is wrong, for rules that span fields. */
    public void reject(String name, String problem) {
        errors.reject(path + name, problem);
    }

    public void throwIfInvalid() {
        errors.throwIfInvalid();
    }

    /**
     * Reads this object as {@code type}, the record that documents it: refuses every field that is not one of
     * the record's components, and reads each component by its type, recording each mistyped one.
     */
    public <T extends Record> T as(Class<T> type) {
        return RecordBinding.read(this, type);
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T invalid(String name, String problem) {
        errors.reject(path + name, problem);
        return null;
    }
}
