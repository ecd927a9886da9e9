package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.Commune;
import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.Service;

import java.time.LocalDate;
import java.util.List;

/** Places for decider tests: valid by construction, as the validator would have produced them. */
final class Places {

    static final Commune FORT_DE_FRANCE = new Commune("Fort-de-France", "97209", "97200");
    static final Commune LE_LAMENTIN = new Commune("Le Lamentin", "97213", "97232");
    static final Commune POINTE_A_PITRE = new Commune("Pointe-à-Pitre", "97120", "97110");
    static final Commune SAINT_MARTIN = new Commune("Saint-Martin", "97801", "97150");

    private Places() {}

    static Place place(String name, Commune commune) {
        return new Place(name, "43493312300029", false, commune, "12 rue Schoelcher", null, null, null,
                List.of("EPN"), null, List.of(), List.of(), "Mo-Fr 08:00-12:00", null, null, "Hub Antilles-Guyane",
                List.of(), null, LocalDate.parse("2026-11-20"), List.of(Service.values()[0]), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }
}
