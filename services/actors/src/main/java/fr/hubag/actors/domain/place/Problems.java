package fr.hubag.actors.domain.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Problems and warnings found while reading one place; all of them are reported at once, in column order. */
final class Problems {

    private static final int MAX_REASON = 300;

    private final List<FieldProblem> errors = new ArrayList<>();
    private final List<FieldProblem> warnings = new ArrayList<>();

    void error(StandardField field, String reason) {
        errors.add(new FieldProblem(field, Text.cap(reason, MAX_REASON)));
    }

    void error(FieldProblem problem) {
        error(problem.field(), problem.reason());
    }

    void warn(StandardField field, String reason) {
        warnings.add(new FieldProblem(field, Text.cap(reason, MAX_REASON)));
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

    private static List<FieldProblem> sorted(List<FieldProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }
}
