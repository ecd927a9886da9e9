package fr.hubag.contracts.actors;

import fr.hubag.domain.Territory;

import java.util.Optional;

/**
 * A commune by its name, INSEE code and postcode. The territory is read from the INSEE code, never taken from
 * the caller, and the postcode must belong to the same territory (971xx, 972xx, 973xx, or 97150 for Saint-Martin).
 */
public record Commune(String name, String inseeCode, String postcode) {

    public Optional<Territory> territory() {
        return Territory.ofInseeCode(inseeCode);
    }

    /** True when the postcode is one of the territory's. */
    public boolean postcodeAgreesWith(Territory territory) {
        if (postcode == null) {
            return false;
        }
        return switch (territory) {
            case GP -> postcode.matches("971\\d{2}") && !postcode.equals("97133"); // 97133 is Saint-Barthélemy
            case MQ -> postcode.matches("972\\d{2}");
            case GF -> postcode.matches("973\\d{2}");
            case MF -> postcode.equals("97150");
        };
    }
}
