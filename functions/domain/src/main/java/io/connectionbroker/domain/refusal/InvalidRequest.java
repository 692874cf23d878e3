package io.connectionbroker.domain.refusal;

import java.util.List;
import java.util.stream.Collectors;

/** A request whose fields are missing, of the wrong type or outside the product's rules. */
public final class InvalidRequest extends Refusal {
    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String problem) {
        return new InvalidRequest(List.of(new FieldError(field, problem)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_REQUEST;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.problem()).collect(Collectors.joining("; ")) + ".";
    }
}
