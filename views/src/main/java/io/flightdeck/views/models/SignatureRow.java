package io.flightdeck.views.models;

/**
 * An input or output of a model version's ONNX graph.
 *
 * @param kind "input" or "output"
 * @param name the graph's name
 * @param type the element type
 * @param shape the shape ("[-1, 4]", -1 = any)
 */
public record SignatureRow(String kind, String name, String type, String shape) {}
