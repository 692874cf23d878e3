package io.connectionbroker.domain;

import io.connectionbroker.domain.refusal.FieldError;
import io.connectionbroker.domain.refusal.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects what is wrong with each field of a command, so one answer names every bad field. */
final class FieldChecks {
    private final List<FieldError> errors = new ArrayList<>();

    /** The parsed value, or null after recording why the field is invalid. */
    <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequest e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    <T> T required(String field, T value, String hint) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: " + hint));
        }
        return value;
    }

    void reject(String field, String problem) {
        errors.add(new FieldError(field, problem));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
