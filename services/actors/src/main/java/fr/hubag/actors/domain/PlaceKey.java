package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.FrenchText;

import java.util.ArrayList;
import java.util.List;

/**
 * What a place is compared by to find its likely duplicates, small enough to be stored and indexed for every place
 * of the census: its name and address as words (case, accents and punctuation aside) with its commune's INSEE code,
 * its phone, and the cell of a grid of about 55 m that holds its coordinates.
 */
public record PlaceKey(String nameAndAddress, String phone, Double latitude, Double longitude) {

    /** Coordinates are bucketed on a grid of this many degrees (about 55 m of latitude); neighbours are checked. */
    static final double CELL = 0.0005;

    public static PlaceKey of(Place place) {
        String nameAndAddress = FrenchText.words(place.name()) + "|" + FrenchText.words(place.address()) + "|"
                + place.commune().inseeCode();
        boolean located = place.latitude() != null && place.longitude() != null;
        return new PlaceKey(nameAndAddress, place.phone(), located ? place.latitude() : null,
                located ? place.longitude() : null);
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** The grid cell of the coordinates, or null without them. */
    public String cell() {
        return located() ? cell(0, 0) : null;
    }

    /** The cell and its eight neighbours: where a place within 50 m may be. */
    public List<String> nearbyCells() {
        List<String> cells = new ArrayList<>(9);
        if (located()) {
            for (int dLat = -1; dLat <= 1; dLat++) {
                for (int dLon = -1; dLon <= 1; dLon++) {
                    cells.add(cell(dLat, dLon));
                }
            }
        }
        return cells;
    }

    boolean within50m(PlaceKey other) {
        if (!located() || !other.located()) {
            return false;
        }
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude) * Math.cos(Math.toRadians(latitude));
        return Math.sqrt(dLat * dLat + dLon * dLon) * 6_371_000 <= 50;
    }

    private String cell(int dLat, int dLon) {
        return ((long) Math.floor(latitude / CELL) + dLat) + ":" + ((long) Math.floor(longitude / CELL) + dLon);
    }
}
