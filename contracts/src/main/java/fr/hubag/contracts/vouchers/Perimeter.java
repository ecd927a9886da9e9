package fr.hubag.contracts.vouchers;

import fr.hubag.domain.Territory;

import java.util.List;

/**
 * Where an order's passes may be redeemed: one or more hub territories and, optionally, only some of their communes
 * (INSEE codes, each of a listed territory). No commune listed: the whole of each territory.
 */
public record Perimeter(List<Territory> territories, List<String> communes) {

    public Perimeter {
        territories = territories == null ? List.of() : List.copyOf(territories);
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    /** Whether an actor in this territory and commune is inside the perimeter. */
    public boolean covers(Territory territory, String communeInseeCode) {
        return territories.contains(territory) && (communes.isEmpty() || communes.contains(communeInseeCode));
    }
}
