package fr.hubag.actors.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which places look like the same place recorded twice: same name and address in the same commune (case, accents
 * and punctuation aside), the same phone number, or coordinates within about 50 metres. It only proposes: merging
 * stays a coordinator's decision, never an importer's. It holds only the places it is given — an importer gives it,
 * window by window, the few places of the census and of the file that share a {@link PlaceKey} with the window.
 */
public final class LikelyDuplicates {

    /** A place already seen: an existing actor (row null) or an earlier row of the file. */
    public record Seen(UUID actorId, Long row, String name) {}

    /** A place that looks like {@code seen}, and why. */
    public record Match(Seen seen, List<String> reasons) {}

    private record Entry(Seen seen, PlaceKey key) {}

    private final Map<String, List<Entry>> byNameAndAddress = new HashMap<>();
    private final Map<String, List<Entry>> byPhone = new HashMap<>();
    private final Map<String, List<Entry>> byCell = new HashMap<>();

    /** Remembers a place (an existing actor's, or a row's). The first one added for an actor is the one reported. */
    public void add(UUID actorId, Long row, String name, PlaceKey key) {
        Entry entry = new Entry(new Seen(actorId, row, name), key);
        byNameAndAddress.computeIfAbsent(key.nameAndAddress(), k -> new ArrayList<>()).add(entry);
        if (key.phone() != null) {
            byPhone.computeIfAbsent(key.phone(), k -> new ArrayList<>()).add(entry);
        }
        if (key.located()) {
            byCell.computeIfAbsent(key.cell(), k -> new ArrayList<>()).add(entry);
        }
    }

    /** The places seen so far that look like this one, other than the actor itself. */
    public List<Match> matches(UUID actorId, PlaceKey key) {
        Map<UUID, Match> found = new LinkedHashMap<>();
        collect(found, byNameAndAddress.get(key.nameAndAddress()), actorId, "same name and address");
        if (key.phone() != null) {
            collect(found, byPhone.get(key.phone()), actorId, "same phone " + key.phone());
        }
        for (String cell : key.nearbyCells()) {
            List<Entry> near = byCell.get(cell);
            if (near != null) {
                collect(found, near.stream().filter(e -> e.key().within50m(key)).toList(), actorId,
                        "coordinates within 50 m");
            }
        }
        return List.copyOf(found.values());
    }

    private static void collect(Map<UUID, Match> found, List<Entry> entries, UUID self, String reason) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            Seen s = entry.seen();
            if (s.actorId().equals(self)) {
                continue;
            }
            Match match = found.computeIfAbsent(s.actorId(), id -> new Match(s, new ArrayList<>()));
            if (!match.reasons().contains(reason)) {
                match.reasons().add(reason);
            }
        }
    }
}
