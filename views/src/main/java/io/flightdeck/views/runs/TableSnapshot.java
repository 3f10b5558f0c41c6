package io.flightdeck.views.runs;

import java.util.List;

/** What the runs table shows: headers and rows of text, in display order (for CSV export). */
public record TableSnapshot(List<String> headers, List<List<String>> rows) {}
