package fr.hubag.servicekit.problem;

import java.util.List;

/** The request is malformed: 400 with every field error listed, and nothing stored or published. */
public final class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request"
                : errors.get(0).field() + ": " + errors.get(0).message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() { return errors; }
}
