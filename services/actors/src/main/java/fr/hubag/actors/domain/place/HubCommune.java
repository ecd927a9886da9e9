package fr.hubag.actors.domain.place;

import fr.hubag.contracts.actors.Commune;
import fr.hubag.domain.Territory;

import java.util.List;

/** A commune of a hub territory, as in the official lists: INSEE code, official name, its postcodes. */
public record HubCommune(String inseeCode, String name, List<String> postcodes, Territory territory) {

    public HubCommune {
        postcodes = List.copyOf(postcodes);
    }

    /** The commune as a place records it: official name and INSEE code, and the postcode of the address. */
    public Commune toCommune(String postcode) {
        return new Commune(name, inseeCode, postcode);
    }

    public boolean hasPostcode(String postcode) {
        return postcodes.contains(postcode);
    }

    /** "Le Lamentin (97213)". */
    public String describe() {
        return name + " (" + inseeCode + ")";
    }
}
