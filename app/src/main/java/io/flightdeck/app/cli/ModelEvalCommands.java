package io.flightdeck.app.cli;

import io.flightdeck.agent.onnx.OnnxScorerFactory;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.eval.BatchScorer;
import io.flightdeck.core.registry.eval.EvalOptions;
import io.flightdeck.core.registry.eval.ModelEvaluator;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code models evaluate | score | export | import}: everything that loads a model. */
final class ModelEvalCommands {
  private ModelEvalCommands() {}

  @Command(
      name = "evaluate",
      description = "Evaluate a version on a dataset version (stored as evidence).",
      mixinStandardHelpOptions = true)
  static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION")
    String model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME:VERSION")
    String dataset;

    @Option(
        names = "--target",
        paramLabel = "COL",
        description = "Default: the dataset's target column.")
    String target;

    @Option(
        names = "--map",
        paramLabel = "FEATURE=COLUMN",
        description = "Map a model feature to a dataset column.")
    Map<String, String> mapping = new LinkedHashMap<>();

    @Option(
        names = "--group",
        paramLabel = "COL",
        description = "Fairness: metrics per value of COL.")
    String group;

    @Option(
        names = "--repeats",
        paramLabel = "N",
        description = "Permutation importance repeats (0 = skip).")
    int repeats = 5;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = ModelsCommand.open(spec)) {
        ModelVersion v = ModelsCommand.resolve(ws.registry(), model);
        EvaluationResult r =
            new ModelEvaluator(
                    ws.registry(),
                    ws.datasets(),
                    new OnnxScorerFactory(),
                    Clock.systemUTC(),
                    () -> System.getProperty("user.name"))
                .evaluate(
                    v.model(),
                    v.version(),
                    DatasetRef.parse(dataset),
                    new EvalOptions(target, mapping, group, repeats, 42L),
                    ImportProgress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("evaluation", r.id());
          m.put("model", r.model());
          m.put("version", r.version());
          m.put("dataset", r.dataset());
          m.put("task", r.task());
          m.put("metrics", new TreeMap<>(r.metrics()));
          m.put("detail", Json.mapper().readTree(r.detailJson()));
          out.println(Json.write(m));
        } else {
          out.printf(
              "Evaluation %d of %s:%d on %s (%s):%n",
              r.id(), r.model(), r.version(), r.dataset(), r.task());
          new TreeMap<>(r.metrics()).forEach((k, x) -> out.printf("  %-20s %.6f%n", k, x));
          out.printf(
              "Scored with ONNX Runtime on %s%n",
              Json.mapper().readTree(r.detailJson()).path("provider").asText("?"));
          out.printf("Use it as evidence: --evidence evaluation:%d%n", r.id());
        }
        out.flush();
        return 0;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Command(
      name = "score",
      description = "Score a dataset version; the predictions become a new dataset version.",
      mixinStandardHelpOptions = true)
  static final class Score implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION")
    String model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME:VERSION")
    String dataset;

    @Option(names = "--map", paramLabel = "FEATURE=COLUMN")
    Map<String, String> mapping = new LinkedHashMap<>();

    @Option(names = "--name", paramLabel = "DATASET", description = "Name of the scored dataset.")
    String name;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = ModelsCommand.open(spec)) {
        ModelVersion v = ModelsCommand.resolve(ws.registry(), model);
        DatasetRef ref = DatasetRef.parse(dataset);
        BatchScorer scorer = new BatchScorer(ws.registry(), ws.datasets(), new OnnxScorerFactory());
        DatasetVersionInfo out =
            name == null
                ? scorer.score(v.model(), v.version(), ref, mapping, ImportProgress.NONE)
                : scorer.score(v.model(), v.version(), ref, mapping, name, ImportProgress.NONE);
        spec.commandLine()
            .getOut()
            .printf(
                "Scored %s with %s: new dataset version %s (%d rows); lineage: %s%n",
                ref, v.ref(), out.ref(), out.lineage().rows(), out.lineage().sourcePath());
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  @Command(
      name = "export",
      description = "Export a version as an MLflow model directory (onnx flavor).",
      mixinStandardHelpOptions = true)
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = ModelsCommand.open(spec)) {
        ModelVersion v = ModelsCommand.resolve(ws.registry(), model);
        Path dir = ws.registry().exportMlflow(v.model(), v.version(), out.toAbsolutePath());
        spec.commandLine().getOut().printf("Exported %s to %s%n", v.ref(), dir);
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  @Command(
      name = "import",
      description = "Import an MLflow model directory (only the onnx flavor is accepted).",
      mixinStandardHelpOptions = true)
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR")
    Path dir;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = ModelsCommand.open(spec)) {
        ModelVersion v = ws.registry().importMlflow(dir.toAbsolutePath(), name);
        spec.commandLine().getOut().printf("Registered %s from %s%n", v.ref(), dir);
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }
}
