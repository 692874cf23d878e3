package io.connectionbroker.web.body;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component whose absence is told where the body is read, in its place among the other fields' errors,
 * because no command field carries it on to the domain (an object that only picks between alternatives).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface RequiredField {
    /** What the caller is told after "is required: ". */
    String value();
}
