package fr.hubag.actors.domain.place;

import fr.hubag.domain.Territory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Rough boxes around each hub territory (WGS84), enough to catch the usual geocoding mistakes: a homonymous
 * mainland address ("rue Victor Hugo, Le Lamentin" geocoded in France), swapped latitude and longitude, or a place
 * of another territory. Not a border: a point in the box may still be at sea.
 */
public final class TerritoryBounds {

    /** A latitude/longitude box, bounds inclusive. */
    public record Box(double minLat, double maxLat, double minLon, double maxLon) {
        public boolean contains(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "latitude %.2f..%.2f, longitude %.2f..%.2f", minLat, maxLat, minLon,
                    maxLon);
        }
    }

    /** Mainland France (with Corsica), for the message only. */
    public static final Box MAINLAND_FRANCE = new Box(41.0, 51.2, -5.3, 9.6);

    private TerritoryBounds() {}

    public static Box of(Territory territory) {
        return switch (territory) {
            case GP -> new Box(15.80, 16.55, -61.85, -60.95);
            case MQ -> new Box(14.38, 14.90, -61.25, -60.80);
            case GF -> new Box(2.10, 5.80, -54.65, -51.60);
            case MF -> new Box(18.03, 18.13, -63.16, -62.96);
        };
    }

    public static boolean contains(Territory territory, double lat, double lon) {
        return of(territory).contains(lat, lon);
    }

    /** Why the point cannot be a place of the territory, with the likely cause; empty when it is inside. */
    public static Optional<String> problem(Territory territory, double lat, double lon) {
        if (contains(territory, lat, lon)) {
            return Optional.empty();
        }
        String message = String.format(Locale.ROOT, "%s, %s is outside %s (%s)", plain(lat), plain(lon),
                territory.label(), of(territory));
        if (contains(territory, lon, lat)) {
            message += ": latitude and longitude look swapped";
        } else if (MAINLAND_FRANCE.contains(lat, lon)) {
            message += ": these coordinates are in mainland France (geocoded to a homonymous address?)";
        } else {
            Optional<Territory> other =
                    Arrays.stream(Territory.values()).filter(t -> contains(t, lat, lon)).findFirst();
            if (other.isPresent()) {
                message += ": these coordinates are in " + other.get().label();
            } else if (lon > 0 && contains(territory, lat, -lon)) {
                message += ": the longitude's minus sign is missing (west is negative)";
            }
        }
        return Optional.of(message);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
