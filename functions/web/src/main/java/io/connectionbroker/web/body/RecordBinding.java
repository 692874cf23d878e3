package io.connectionbroker.web.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a JSON object into the record that documents it in the OpenAPI document, so that the two cannot
 * drift: the record's components are the fields the request has, named as the document names them, and each
 * is read by its type (text, true or false, whole number, one of an enum's names, an object, a list of
 * objects) with the errors {@link JsonFields} records. Whether a field is required, and what its text must
 * be, is the domain's to say, in the same collector.
 */
final class RecordBinding {
    private RecordBinding() {
    }

    static <T extends Record> T read(JsonFields fields, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = new ArrayList<>();
        for (RecordComponent component : components) {
            names.add(jsonName(component));
        }
        List<String> accepted = new ArrayList<>(names);
        RefusedField[] refused = type.getAnnotationsByType(RefusedField.class);
        Arrays.stream(refused).map(RefusedField::name).forEach(accepted::add);
        fields.allowOnly(accepted.toArray(String[]::new));
        for (RefusedField field : refused) {
            if (fields.sent(field.name())) {
                fields.reject(field.name(), field.reason());
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(fields, names.get(i), components[i]);
            types[i] = components[i].getType();
            RequiredField required = components[i].getAnnotation(RequiredField.class);
            if (required != null && values[i] == null) {
                fields.reject(names.get(i), "is required: " + required.value());
            }
        }
        T record;
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            record = canonical.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(type + " cannot be made from its components", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type + " refused its components", e.getCause());
        }
        if (record instanceof CrossFieldRules rules) {
            rules.check(fields);
        }
        return record;
    }

    /** The name the document gives the component: a JSON property name that is a Java keyword, for example. */
    private static String jsonName(RecordComponent component) {
        // Neither annotation targets record components: Java puts them on the accessor (and the field).
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : component.getName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(JsonFields fields, String name, RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return fields.string(name);
        }
        if (type == Boolean.class) {
            return fields.bool(name);
        }
        if (type == Integer.class) {
            return fields.integer(name);
        }
        if (type.isEnum()) {
            return fields.enumValue(name, (Class<? extends Enum>) type);
        }
        if (type.isRecord()) {
            if (type.isAnnotationPresent(ReadApart.class)) {
                return null;
            }
            JsonFields object = fields.object(name);
            return object == null ? null : read(object, (Class<? extends Record>) type);
        }
        if (type == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            List<JsonFields> objects = fields.objects(name);
            if (objects == null) {
                return null;
            }
            List<Object> records = new ArrayList<>();
            for (JsonFields object : objects) {
                records.add(object == null ? null : read(object, (Class<? extends Record>) item));
            }
            return java.util.Collections.unmodifiableList(records);
        }
        throw new IllegalArgumentException(component + " has a type no request body reads: " + type);
    }
}
