package fr.hubag.actors.domain.place;

/** What is wrong (or worth a warning) with one field of a place, in words a data producer can act on. */
public record FieldProblem(StandardField field, String reason) {

    /** "code_postal: ..." — for CSV users, who know the standard's column names. */
    public String describe() {
        return field.standardName() + ": " + reason;
    }
}
