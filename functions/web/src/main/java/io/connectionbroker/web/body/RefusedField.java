package io.connectionbroker.web.body;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field a request body's record does not have, refused with its own reason rather than as a field never
 * heard of: one clients of an earlier version still send, or one only the operator may set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(RefusedField.All.class)
public @interface RefusedField {
    String name();

    /** What the caller is told, after the field's name. */
    String reason();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface All {
        RefusedField[] value();
    }
}
