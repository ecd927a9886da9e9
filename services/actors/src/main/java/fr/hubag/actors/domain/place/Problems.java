package fr.hubag.actors.domain.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Problems and warnings found while reading one place; all of them are reported at once, in column order. In a
 * reading that repairs (an older export), a wrong optional value is a warning and is left out rather than a
 * problem that refuses the whole place.
 */
final class Problems {

    private static final int MAX_REASON = 300;
    private static final int MAX_VALUE = 120;

    private final List<FieldProblem> errors = new ArrayList<>();
    private final List<FieldProblem> warnings = new ArrayList<>();
    private final boolean repairs;

    Problems(boolean repairs) {
        this.repairs = repairs;
    }

    Problems() {
        this(false);
    }

    boolean repairs() {
        return repairs;
    }

    void error(StandardField field, String reason) {
        errors.add(new FieldProblem(field, Text.cap(reason, MAX_REASON)));
    }

    void error(FieldProblem problem) {
        error(problem.field(), problem.reason());
    }

    /** A correction: what was read, what is recorded instead (null: nothing), and why. */
    void correct(StandardField field, Correction kind, String read, String recorded, String reason) {
        warnings.add(new FieldProblem(field, Text.cap(reason, MAX_REASON), kind.code(), capped(read),
                capped(recorded)));
    }

    void correct(FieldProblem warning) {
        warnings.add(warning);
    }

    /**
     * A value of an optional field that cannot be kept: a problem, or — when the reading repairs — a warning, the
     * value being left out. Returns true when the value was dropped (so the caller records nothing for it).
     */
    boolean optional(StandardField field, String read, String reason) {
        if (!repairs) {
            error(field, reason);
            return false;
        }
        correct(field, Correction.OPTIONAL_VALUE_DROPPED, read, null, reason + " (left empty)");
        return true;
    }

    boolean has(StandardField field) {
        return errors.stream().anyMatch(p -> p.field() == field);
    }

    boolean any() {
        return !errors.isEmpty();
    }

    List<FieldProblem> errors() {
        return sorted(errors);
    }

    List<FieldProblem> warnings() {
        return sorted(warnings);
    }

    private static String capped(String value) {
        return value == null ? null : Text.cap(value, MAX_VALUE);
    }

    private static List<FieldProblem> sorted(List<FieldProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }
}
