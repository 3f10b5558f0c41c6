package io.flightdeck.views.models;

/**
 * An artifact that failed the registry check.
 *
 * @param model the model
 * @param version the version
 * @param file the stored file
 * @param expected the hash recorded at registration
 * @param actual the hash found now (or what went wrong)
 */
public record VerifyProblemRow(
    String model, String version, String file, String expected, String actual) {}
