package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of an order a pass's rules depend on, handed to the pass's decider with each command: a pass's stream
 * holds only what happened to that pass, its order's stream the rest. All but {@code activated} never change, and
 * activation is never undone, so a copy read just before the command is as good as one read with it.
 */
public record OrderTerms(UUID orderId, String funderId, Territory territory, Perimeter perimeter,
                         long faceValueCents, LocalDate validUntil, LocalDate acceptedUntil, boolean activated) {}
