package io.connectionbroker.domain.refusal;

import java.util.Objects;

/** One thing wrong with one field of a request, named by its JSON path (for example {@code destination.url}). */
public record FieldError(String field, String problem) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }
}
