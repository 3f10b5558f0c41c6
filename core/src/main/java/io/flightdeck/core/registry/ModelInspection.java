package io.flightdeck.core.registry;

/**
 * The result of opening a candidate model safely (in a child process): its signature and a proof
 * that it runs.
 *
 * @param signature inputs, outputs, opset, producer
 * @param sampleOutput a short text of what one inference on a sample row gave ("probabilities [0.1,
 *     0.9]")
 * @param task "classification", "regression" or "unknown", guessed from the outputs and metadata
 */
public record ModelInspection(ModelSignature signature, String sampleOutput, String task) {}
