package fr.hubag.projection.actors.read;

/** The commune of a place, as the national standard names it: commune, code_insee, code_postal. */
public record Commune(String name, String inseeCode, String postcode) {}
