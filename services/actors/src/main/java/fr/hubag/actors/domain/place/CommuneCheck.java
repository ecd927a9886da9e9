package fr.hubag.actors.domain.place;

import java.util.List;

/** The outcome of checking a commune's name, INSEE code and postcode against the official lists. */
public sealed interface CommuneCheck {

    /**
     * The commune the three fields designate; {@code postcode} is the place's (one of the commune's);
     * {@code corrections}: the name as written was not the official one (warnings).
     */
    record Resolved(HubCommune commune, String postcode, List<FieldProblem> corrections) implements CommuneCheck {
        public Resolved {
            corrections = List.copyOf(corrections);
        }

        public Resolved(HubCommune commune, String postcode) {
            this(commune, postcode, List.of());
        }
    }

    /** What is wrong, on {@code commune}, {@code code_postal} and {@code code_insee}. */
    record Problems(List<FieldProblem> problems) implements CommuneCheck {
        public Problems {
            problems = List.copyOf(problems);
        }
    }
}
