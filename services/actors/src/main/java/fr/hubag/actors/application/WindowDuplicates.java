package fr.hubag.actors.application;

import fr.hubag.actors.domain.LikelyDuplicates;
import fr.hubag.actors.domain.PlaceKey;
import fr.hubag.actors.infra.KeyColumns.Known;
import fr.hubag.actors.infra.PlaceKeyIndex;
import fr.hubag.actors.infra.importing.ImportReport.Similar;
import fr.hubag.actors.infra.importing.ImportScratch;
import fr.hubag.actors.infra.importing.RowReader;
import fr.hubag.domain.Territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * For one import, window by window: which rows repeat the place id of an earlier row of the file, and which look
 * like an earlier row or an actor of the census. Two indexed queries per window (the import's scratch keys, the
 * census's keys) fetch the few places that share a key with the window; only those, and the window, are compared
 * in memory. The window's rows are then noted in the scratch for the windows after it.
 */
final class WindowDuplicates {

    /** A row's verdict: the earlier row with the same place id (then it is not imported), or its look-alikes. */
    record Verdict(Long sameIdAsRow, List<Similar> similarTo) {}

    private final PlaceKeyIndex census;
    private final ImportScratch scratch;
    private final UUID importId;
    private final Set<Territory> covered;

    WindowDuplicates(PlaceKeyIndex census, ImportScratch scratch, UUID importId, Set<Territory> covered) {
        this.census = census;
        this.scratch = scratch;
        this.importId = importId;
        this.covered = covered;
    }

    /** The verdicts of the window's good rows, in order. */
    List<Verdict> check(List<RowReader.Ready> window) {
        if (window.isEmpty()) {
            return List.of();
        }
        List<PlaceKey> keys = window.stream().map(ready -> PlaceKey.of(ready.place())).toList();
        LikelyDuplicates duplicates = new LikelyDuplicates();
        Map<UUID, Long> rowOfActor = new HashMap<>();
        // earlier rows first: when an earlier row is also in the census, the row is what the report names
        for (Known earlier : scratch.sharingAKey(importId, window.stream().map(RowReader.Ready::actorId).toList(),
                keys)) {
            rowOfActor.putIfAbsent(earlier.actorId(), earlier.row());
            duplicates.add(earlier.actorId(), earlier.row(), earlier.name(), earlier.key());
        }
        for (Known known : census.sharingAKey(covered, keys)) {
            duplicates.add(known.actorId(), null, known.name(), known.key());
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<ImportScratch.Noted> noted = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            RowReader.Ready ready = window.get(i);
            long row = ready.raw().row();
            Long sameId = rowOfActor.putIfAbsent(ready.actorId(), row);
            if (sameId != null) {
                verdicts.add(new Verdict(sameId, List.of()));
                continue;
            }
            List<Similar> similar = duplicates.matches(ready.actorId(), keys.get(i)).stream()
                    .map(m -> new Similar(m.seen().row(), m.seen().actorId(), m.seen().name(),
                            List.copyOf(m.reasons()))).toList();
            duplicates.add(ready.actorId(), row, ready.place().name(), keys.get(i));
            noted.add(new ImportScratch.Noted(row, ready.actorId(), ready.place().name(), keys.get(i)));
            verdicts.add(new Verdict(null, similar));
        }
        scratch.note(importId, noted);
        return verdicts;
    }
}
