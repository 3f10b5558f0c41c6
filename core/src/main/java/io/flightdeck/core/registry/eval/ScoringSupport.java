package io.flightdeck.core.registry.eval;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.registry.Scorer;
import io.flightdeck.core.registry.ScorerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** What evaluation and batch scoring share: a live version and a scorer on a checked copy. */
final class ScoringSupport {
  private ScoringSupport() {}

  /** The version, refusing a deleted one. */
  static ModelVersion liveVersion(RegistryService registry, String model, int version) {
    ModelVersion mv = registry.version(model, version);
    if (mv.deleted()) {
      throw new FlightdeckException(
          "The model version " + mv.ref() + " was deleted and cannot be scored.",
          "Choose another version ('flightdeck models list').");
    }
    return mv;
  }

  /**
   * Copies the model into a temporary folder with its hash re-checked, opens a scorer on the copy,
   * runs {@code work}, then closes the scorer and deletes the folder, whatever happens.
   */
  static <T> T withScorer(
      RegistryService registry, ScorerFactory scorers, ModelVersion mv, Function<Scorer, T> work) {
    Path dir;
    try {
      dir = Files.createTempDirectory("flightdeck-score-");
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot create a temporary folder to load " + mv.ref() + ": " + e.getMessage() + ".",
          "Free some disk space in the temporary folder and try again.",
          e);
    }
    try {
      Path copy = registry.checkedCopy(mv, dir);
      try (Scorer scorer = scorers.open(copy, mv.signature(), mv.task())) {
        return work.apply(scorer);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LoggerFactory.getLogger(ScoringSupport.class).warn("Could not delete {}", dir, e);
    }
  }
}
