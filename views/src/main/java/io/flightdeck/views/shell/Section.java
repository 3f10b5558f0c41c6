package io.flightdeck.views.shell;

import javafx.scene.Node;

/**
 * A sidebar section: its id (used for lookups and tests), its label and the content shown when it
 * is selected.
 *
 * @param id stable identifier, e.g. {@code audit}
 * @param title the label in the sidebar
 * @param content the node shown in the main area
 */
public record Section(String id, String title, Node content) {}
