package io.connectionbroker.domain.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one collector of what is wrong with each field of a request, whether the edge found it reading the body
 * (unknown, repeated or mistyped fields) or the domain checking a command: one answer names every bad field.
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /** The parsed value, or null after recording why the field is invalid. */
    public <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequest e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public <T> T required(String field, T value, String hint) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: " + hint));
        }
        return value;
    }

    /** Whether something is wrong with the field already. */
    public boolean names(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public void reject(String field, String problem) {
        errors.add(new FieldError(field, problem));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
