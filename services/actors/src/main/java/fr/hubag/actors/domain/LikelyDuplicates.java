package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.Place;
import fr.hubag.actors.domain.place.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which places look like the same place recorded twice: same normalised name and address in the same commune,
 * the same phone number, or coordinates within about 50 metres. It only proposes: merging stays a coordinator's
 * decision, never an importer's.
 */
public final class LikelyDuplicates {

    /** Coordinates are bucketed on a grid of this many degrees (about 55 m of latitude); neighbours are checked. */
    private static final double CELL = 0.0005;

    /** A place already seen: an existing actor (row null) or an earlier row of the file. */
    public record Seen(UUID actorId, Long row, String name) {}

    /** A place that looks like {@code seen}, and why. */
    public record Match(Seen seen, List<String> reasons) {}

    private final Map<String, List<Seen>> byNameAndAddress = new HashMap<>();
    private final Map<String, List<Seen>> byPhone = new HashMap<>();
    private final Map<String, List<Seen>> byCell = new HashMap<>();
    private final Map<UUID, Place> places = new HashMap<>();

    /** Remembers a place (an existing actor's, or a row's once imported). */
    public void add(UUID actorId, Long row, Place place) {
        Seen seen = new Seen(actorId, row, place.name());
        places.put(actorId, place);
        byNameAndAddress.computeIfAbsent(nameAndAddress(place), k -> new ArrayList<>()).add(seen);
        if (place.phone() != null) {
            byPhone.computeIfAbsent(place.phone(), k -> new ArrayList<>()).add(seen);
        }
        if (place.latitude() != null && place.longitude() != null) {
            byCell.computeIfAbsent(cell(place.latitude(), place.longitude(), 0, 0), k -> new ArrayList<>()).add(seen);
        }
    }

    /** The places seen so far that look like this one, other than the actor itself. */
    public List<Match> matches(UUID actorId, Place place) {
        Map<UUID, Match> found = new LinkedHashMap<>();
        collect(found, byNameAndAddress.get(nameAndAddress(place)), actorId, "same name and address");
        if (place.phone() != null) {
            collect(found, byPhone.get(place.phone()), actorId, "same phone " + place.phone());
        }
        if (place.latitude() != null && place.longitude() != null) {
            for (int dLat = -1; dLat <= 1; dLat++) {
                for (int dLon = -1; dLon <= 1; dLon++) {
                    List<Seen> near = byCell.get(cell(place.latitude(), place.longitude(), dLat, dLon));
                    if (near == null) {
                        continue;
                    }
                    List<Seen> close = near.stream().filter(s -> within50m(places.get(s.actorId()), place)).toList();
                    collect(found, close, actorId, "coordinates within 50 m");
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static void collect(Map<UUID, Match> found, List<Seen> seen, UUID self, String reason) {
        if (seen == null) {
            return;
        }
        for (Seen s : seen) {
            if (s.actorId().equals(self)) {
                continue;
            }
            Match match = found.computeIfAbsent(s.actorId(), id -> new Match(s, new ArrayList<>()));
            if (!match.reasons().contains(reason)) {
                match.reasons().add(reason);
            }
        }
    }

    private static boolean within50m(Place a, Place b) {
        if (a == null || a.latitude() == null || b.latitude() == null) {
            return false;
        }
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude()) * Math.cos(Math.toRadians(a.latitude()));
        return Math.sqrt(dLat * dLat + dLon * dLon) * 6_371_000 <= 50;
    }

    private static String cell(double lat, double lon, int dLat, int dLon) {
        return ((long) Math.floor(lat / CELL) + dLat) + ":" + ((long) Math.floor(lon / CELL) + dLon);
    }

    static String nameAndAddress(Place place) {
        return Text.loose(place.name()) + "|" + Text.loose(place.address()) + "|" + place.commune().inseeCode();
    }
}
