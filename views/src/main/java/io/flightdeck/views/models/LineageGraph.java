package io.flightdeck.views.models;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Lineage drawn on a canvas in four columns (dataset versions → runs → model versions → aliases),
 * boxes and arrows. Clicking a box selects it and highlights everything it came from and everything
 * that came from it; double-clicking asks to open it in its section.
 */
public final class LineageGraph extends Pane {
  private static final String[] HEADERS = {"Dataset versions", "Runs", "Model versions", "Aliases"};
  private static final double BOX_H = 34;
  private static final double GAP = 14;
  private static final double TOP = 34;
  private final Canvas canvas = new Canvas();
  private final ObjectProperty<LineageNode> selected = new SimpleObjectProperty<>();
  private final Map<String, double[]> boxes = new HashMap<>();
  private List<LineageNode> nodes = List.of();
  private List<LineageEdge> edges = List.of();
  private Set<String> related = Set.of();
  private Consumer<LineageNode> onOpen = n -> {};

  public LineageGraph() {
    setId("lineage-graph");
    getChildren().add(canvas);
    setMinSize(200, 160);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> draw());
    canvas.heightProperty().addListener((o, a, b) -> draw());
    selected.addListener(
        (o, a, b) -> {
          related = b == null ? Set.of() : related(b.id());
          draw();
        });
    canvas.setOnMouseClicked(
        e -> {
          LineageNode hit = nodeAt(e.getX(), e.getY());
          selected.set(hit);
          if (hit != null && e.getClickCount() == 2) {
            onOpen.accept(hit);
          }
        });
  }

  /** Replaces the graph; keeps the selection when its node is still there. */
  public void setGraph(List<LineageNode> nodes, List<LineageEdge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
    LineageNode keep = selected.get();
    selected.set(null);
    if (keep != null) {
      select(keep.id());
    }
    draw();
  }

  public List<LineageNode> nodes() {
    return nodes;
  }

  /** Selects the node with this id (no-op when absent). */
  public void select(String id) {
    nodes.stream().filter(n -> n.id().equals(id)).findFirst().ifPresent(selected::set);
  }

  public ObjectProperty<LineageNode> selectedProperty() {
    return selected;
  }

  /** Ids highlighted now: the selection, its ancestors and its descendants. */
  public Set<String> highlighted() {
    return related;
  }

  public void setOnOpen(Consumer<LineageNode> c) {
    onOpen = c;
  }

  private Set<String> related(String id) {
    Set<String> out = new HashSet<>();
    out.add(id);
    walk(id, out, true);
    walk(id, out, false);
    return out;
  }

  private void walk(String start, Set<String> out, boolean down) {
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      String cur = todo.poll();
      for (LineageEdge e : edges) {
        String next =
            down ? (e.from().equals(cur) ? e.to() : null) : (e.to().equals(cur) ? e.from() : null);
        if (next != null && seen.add(next)) {
          out.add(next);
          todo.add(next);
        }
      }
    }
  }

  private LineageNode nodeAt(double x, double y) {
    for (LineageNode n : nodes) {
      double[] b = boxes.get(n.id());
      if (b != null && x >= b[0] && x <= b[0] + b[2] && y >= b[1] && y <= b[1] + b[3]) {
        return n;
      }
    }
    return null;
  }

  private void layout(double w) {
    boxes.clear();
    double colW = w / 4;
    int[] rows = new int[4];
    for (LineageNode n : nodes) {
      int c = n.kind().ordinal();
      double x = c * colW + 12;
      double y = TOP + rows[c]++ * (BOX_H + GAP);
      boxes.put(n.id(), new double[] {x, y, colW - 36, BOX_H});
    }
    double needed = TOP + 10 + java.util.Arrays.stream(rows).max().orElse(0) * (BOX_H + GAP);
    setPrefHeight(Math.max(160, needed));
  }

  private void draw() {
    double w = canvas.getWidth(), h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setFont(Font.font(11));
    g.setTextBaseline(VPos.CENTER);
    layout(w);
    g.setFill(Color.web("#888888"));
    g.setTextAlign(TextAlignment.LEFT);
    for (int c = 0; c < 4; c++) {
      g.fillText(HEADERS[c], c * w / 4 + 12, 14);
    }
    if (nodes.isEmpty()) {
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("No lineage yet: register a model version from a run.", w / 2, h / 2);
      return;
    }
    boolean focus = selected.get() != null;
    for (LineageEdge e : edges) {
      double[] a = boxes.get(e.from()), b = boxes.get(e.to());
      if (a == null || b == null) {
        continue;
      }
      boolean on = focus && related.contains(e.from()) && related.contains(e.to());
      g.setStroke(on ? Color.web("#3b6fd8") : Color.web(focus ? "#88888840" : "#888888a0"));
      g.setLineWidth(on ? 2 : 1);
      double x1 = a[0] + a[2], y1 = a[1] + a[3] / 2, x2 = b[0], y2 = b[1] + b[3] / 2;
      g.beginPath();
      g.moveTo(x1, y1);
      g.bezierCurveTo(x1 + 14, y1, x2 - 14, y2, x2, y2);
      g.stroke();
      g.setFill(g.getStroke());
      g.fillPolygon(new double[] {x2, x2 - 7, x2 - 7}, new double[] {y2, y2 - 4, y2 + 4}, 3);
    }
    g.setLineWidth(1);
    for (LineageNode n : nodes) {
      double[] b = boxes.get(n.id());
      boolean sel = focus && selected.get().id().equals(n.id());
      boolean on = !focus || related.contains(n.id());
      Color base = KIND_COLORS[n.kind().ordinal()];
      g.setFill(sel ? base : base.deriveColor(0, on ? 0.35 : 0.12, on ? 1.25 : 1.35, 1));
      g.fillRoundRect(b[0], b[1], b[2], b[3], 8, 8);
      g.setStroke(on ? base : Color.web("#bbbbbb"));
      g.setLineWidth(sel ? 2.5 : 1);
      g.strokeRoundRect(b[0], b[1], b[2], b[3], 8, 8);
      g.setFill(sel ? Color.WHITE : Color.web(on ? "#1f2430" : "#999999"));
      g.setTextAlign(TextAlignment.LEFT);
      String[] lines = n.label().split("\n", 2);
      int fit = (int) Math.max(4, (b[2] - 12) / 6.3);
      double y = lines.length > 1 ? b[1] + 11 : b[1] + b[3] / 2;
      g.setFont(Font.font(11));
      g.fillText(clip(lines[0], fit), b[0] + 6, y);
      if (lines.length > 1) {
        g.setFont(Font.font(9.5));
        g.fillText(clip(lines[1], fit + 2), b[0] + 6, b[1] + 24);
        g.setFont(Font.font(11));
      }
    }
  }

  private static String clip(String text, int fit) {
    return text.length() > fit ? text.substring(0, fit - 1) + "…" : text;
  }

  private static final Color[] KIND_COLORS = {
    Color.web("#2e8b57"), Color.web("#f0a202"), Color.web("#3b6fd8"), Color.web("#9b59b6")
  };
}
