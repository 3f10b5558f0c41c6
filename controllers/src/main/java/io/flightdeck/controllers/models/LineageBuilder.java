package io.flightdeck.controllers.models;

import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.views.models.LineageEdge;
import io.flightdeck.views.models.LineageNode;
import io.flightdeck.views.models.LineageNode.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a model's lineage graph: the dataset versions its runs read, the runs, its versions and
 * the aliases they hold. Blocking (reads runs and inputs); call off the FX thread.
 */
final class LineageBuilder {
  record Graph(List<LineageNode> nodes, List<LineageEdge> edges) {}

  private LineageBuilder() {}

  static String versionId(String model, int version) {
    return "version:" + model + ":" + version;
  }

  static Graph build(
      List<ModelVersion> versions, Map<String, Integer> aliases, TrackingRepository runs) {
    Map<String, LineageNode> nodes = new LinkedHashMap<>();
    List<LineageEdge> edges = new ArrayList<>();
    for (ModelVersion v : versions) {
      String vid = versionId(v.model(), v.version());
      nodes.put(
          vid,
          new LineageNode(
              vid,
              Kind.VERSION,
              v.model()
                  + " v"
                  + v.version()
                  + (v.deleted() ? " (deleted)" : "")
                  + "\n"
                  + v.task()
                  + " · "
                  + v.sha256().substring(0, Math.min(8, v.sha256().length())),
              v.ref()));
      if (v.runId() == null) {
        continue;
      }
      String rid = "run:" + v.runId();
      if (!nodes.containsKey(rid)) {
        String name =
            runs.run(v.runId())
                .map(RunInfo::name)
                .filter(n -> !n.isBlank())
                .orElse(ModelRows.shortId(v.runId()));
        nodes.put(
            rid,
            new LineageNode(
                rid, Kind.RUN, "run " + name + "\n" + ModelRows.shortId(v.runId()), v.runId()));
        for (RunInput in : runs.inputs(v.runId())) {
          String ref = in.dataset() + ":" + in.version();
          String did = "dataset:" + ref;
          nodes.putIfAbsent(
              did,
              new LineageNode(
                  did,
                  Kind.DATASET,
                  ref + "\nsha256 " + in.sha256().substring(0, Math.min(12, in.sha256().length())),
                  ref));
          edges.add(new LineageEdge(did, rid));
        }
      }
      edges.add(new LineageEdge(rid, vid));
    }
    aliases.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            a -> {
              String model = versions.isEmpty() ? "" : versions.get(0).model();
              String aid = "alias:" + model + ":" + a.getKey();
              nodes.put(
                  aid,
                  new LineageNode(
                      aid,
                      Kind.ALIAS,
                      a.getKey() + " → v" + a.getValue(),
                      model + ":" + a.getValue()));
              edges.add(new LineageEdge(versionId(model, a.getValue()), aid));
            });
    List<LineageNode> ordered = new ArrayList<>(nodes.values());
    ordered.sort(java.util.Comparator.comparing(LineageNode::kind));
    return new Graph(ordered, edges);
  }
}
