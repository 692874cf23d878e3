package io.connectionbroker.web.body;

/**
 * A request object whose fields constrain each other (give a URL, or say it is private, not both): checked
 * as soon as the object is read, so its errors stand in their place among the other fields' errors.
 */
public interface CrossFieldRules {
    /** Records each rule the object breaks, in {@code fields}, the object's own fields. */
    void check(JsonFields fields);
}
