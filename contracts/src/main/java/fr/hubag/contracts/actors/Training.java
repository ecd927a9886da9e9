package fr.hubag.contracts.actors;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A training an aidant completed: what, given by whom, how long, when. */
public record Training(String title, String provider, BigDecimal hours, LocalDate completedOn) {}
