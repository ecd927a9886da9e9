package fr.hubag.actors.domain.place;

import fr.hubag.domain.Territory;

/**
 * Names where an INSEE code or postcode outside the hub points to, so a refusal says "La Réunion" or "mainland
 * France" rather than only "unknown": that is usually the clue to the mistake (a copied row, a homonym).
 */
final class Elsewhere {

    private Elsewhere() {}

    /** Where a 5-character INSEE code that is not a hub commune belongs. */
    static String ofInseeCode(String code) {
        if (code.startsWith("971") || code.startsWith("972") || code.startsWith("973")) {
            return "no commune of " + Territory.ofInseeCode(code).map(Territory::label).orElse("?") + " ("
                    + code.substring(0, 3) + ") has that code";
        }
        if (code.startsWith("978")) {
            return "Saint-Martin has a single commune, 97801";
        }
        return "it is in " + place(code) + ", not a hub territory";
    }

    /** Where a 5-digit postcode that is no hub commune's belongs. */
    static String ofPostcode(String postcode) {
        if (postcode.equals("97133")) {
            return "it is Saint-Barthélemy's (977), not a hub territory";
        }
        for (String prefix : new String[] {"971", "972", "973"}) {
            if (postcode.startsWith(prefix)) {
                return "no commune of " + Territory.ofInseeCode(prefix + "01").map(Territory::label).orElse("?")
                        + " has that postcode";
            }
        }
        if (postcode.startsWith("978")) {
            return "Saint-Martin's postcode is 97150";
        }
        if (postcode.startsWith("98000")) {
            return "it is Monaco's";
        }
        return "it is in " + place(postcode) + ", not a hub territory";
    }

    private static String place(String code) {
        if (code.startsWith("974")) {
            return "La Réunion (974)";
        }
        if (code.startsWith("975")) {
            return "Saint-Pierre-et-Miquelon (975)";
        }
        if (code.startsWith("976")) {
            return "Mayotte (976)";
        }
        if (code.startsWith("977")) {
            return "Saint-Barthélemy (977)";
        }
        if (code.startsWith("98")) {
            return "an overseas collectivity of the Pacific or the TAAF (98x)";
        }
        return "mainland France";
    }
}
