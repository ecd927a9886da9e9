package fr.hubag.actors.domain.place;

import fr.hubag.contracts.actors.Place;
import java.util.List;

/** The outcome of reading a raw place: a valid place (perhaps with warnings), or every problem found at once. */
public sealed interface PlaceReading {

    /** {@code externalId} is the producer's {@code id} column, "" when absent. */
    record Valid(Place place, String externalId, List<FieldProblem> warnings) implements PlaceReading {
        public Valid {
            warnings = List.copyOf(warnings);
        }
    }

    record Invalid(List<FieldProblem> problems) implements PlaceReading {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
