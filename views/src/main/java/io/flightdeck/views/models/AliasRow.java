package io.flightdeck.views.models;

/**
 * An alias held now.
 *
 * @param alias the alias
 * @param version the version holding it
 * @param protection "protected" when moves need an approval, else empty
 * @param previous the version that held it before ("v2"), or empty when none
 */
public record AliasRow(String alias, int version, String protection, String previous) {}
