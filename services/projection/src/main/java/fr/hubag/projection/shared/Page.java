package fr.hubag.projection.shared;

import java.util.List;

/** A page of a listing as a read model returns it: its rows, and where the next page starts (null: the last). */
public record Page<T>(List<T> items, Cursor next) {}
