package fr.hubag.actors.domain.place;

/**
 * What is wrong (or worth a warning) with one field of a place, in words a data producer can act on. A warning that
 * reports a correction also says what was read, what was recorded instead, and a stable {@code kind} (a
 * {@link Correction} code) by which reports count corrections; a plain problem has none of the three.
 */
public record FieldProblem(StandardField field, String reason, String kind, String read, String recorded) {

    public FieldProblem(StandardField field, String reason) {
        this(field, reason, null, null, null);
    }

    /** "code_postal: ..." — for CSV users, who know the standard's column names. */
    public String describe() {
        return field.standardName() + ": " + reason;
    }
}
