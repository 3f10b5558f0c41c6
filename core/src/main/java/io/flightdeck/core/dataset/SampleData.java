package io.flightdeck.core.dataset;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample dataset shipped with Flightdeck: Seattle weather (NOAA, public domain, via
 * vega-datasets), 2012-2014 as version 1 and a drifted 2015 with planted schema violations as
 * version 2. See {@code io/flightdeck/core/dataset/sample/README.md}.
 */
public final class SampleData {
  /** The dataset name the sample is imported as. */
  public static final String DATASET = "seattle-weather";

  /** The sample files, in version order. */
  public static final List<String> FILES =
      List.of("seattle-weather-2012-2014.csv", "seattle-weather-2015.csv");

  private static final String BASE = "/io/flightdeck/core/dataset/sample/";

  private SampleData() {}

  /** Opens a sample file; the caller closes the stream. */
  public static InputStream open(String file) {
    InputStream in = SampleData.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IllegalStateException("The sample file " + file + " is missing from the build");
    }
    return in;
  }

  /** Copies a sample file into {@code dir}; the caller deletes it. */
  static Path copyToTemp(String file, Path dir) {
    try (InputStream in = open(file)) {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "sample-", ".csv");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return tmp;
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot copy the sample data into " + dir + ": " + e.getMessage() + ".",
          "Free some disk space and try again.",
          e);
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(SampleData.class).warn("Could not delete {}", p, e);
    }
  }
}
