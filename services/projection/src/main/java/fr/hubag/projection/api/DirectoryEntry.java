package fr.hubag.projection.api;

import java.util.List;
import java.util.UUID;

/** An actor as the directory shows it: public facts of a structure, no personal data. */
public record DirectoryEntry(UUID id, String name, String kind, String territory, Commune commune, String address,
                             List<LabelPeriod> labels) {

    public record Commune(String name, String inseeCode, String postcode) {}

    public record LabelPeriod(String label, String validFrom, String validUntil) {}
}
