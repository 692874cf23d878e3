package io.connectionbroker.web.body;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record documenting an object whose fields depend on one of them (a proof's fields depend on its kind):
 * a record that holds one leaves that component null, and its controller reads the object by its kind.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadApart {
}
