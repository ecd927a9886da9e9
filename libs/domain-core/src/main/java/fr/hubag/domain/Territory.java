package fr.hubag.domain;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four hub territories. Every stream belongs to exactly one of them (brief, rule 8): the event store records a
 * stream's territory, the relay publishes it as a header, tokens name the territories a caller covers and the gateway
 * checks them at the edge, which is why this lives in plain Java that every module, the gateway included, can use.
 */
public enum Territory {
    GP("Guadeloupe", "971", ZoneId.of("America/Guadeloupe")),
    GF("Guyane", "973", ZoneId.of("America/Cayenne")),
    MQ("Martinique", "972", ZoneId.of("America/Martinique")),
    MF("Saint-Martin", "97801", ZoneId.of("America/Marigot"));

    private final String label;
    private final String inseePrefix;
    private final ZoneId zone;

    Territory(String label, String inseePrefix, ZoneId zone) {
        this.label = label;
        this.inseePrefix = inseePrefix;
        this.zone = zone;
    }

    public String label() { return label; }

    public ZoneId zone() { return zone; }

    /** The territory of an INSEE commune code (971xx, 972xx, 973xx, 97801), if it is a hub territory. */
    public static Optional<Territory> ofInseeCode(String inseeCode) {
        if (inseeCode == null || !inseeCode.matches("\\d{5}")) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> inseeCode.startsWith(t.inseePrefix)).findFirst();
    }

    public static Optional<Territory> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
