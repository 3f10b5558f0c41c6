package io.flightdeck.core.tracking;

import io.flightdeck.core.error.FlightdeckException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MLflow's name rules and limits, applied everywhere the same way (window, command line, agent,
 * REST endpoint, import) so that the same mistake gives the same message.
 *
 * <p>Keys (metric, param and tag keys) are at most 250 characters, match {@code ^[/\w.\- ]*$}, are
 * not empty, and must not normalise to another path: no {@code ..} segment, no leading or trailing
 * {@code /}, no {@code //}, no {@code .} segment. Param values are at most 6000 characters, tag
 * values 5000. A batch holds at most 1000 metrics, 100 params and 100 tags. Every method throws
 * {@link FlightdeckException} naming the offending key and the rule.
 */
public final class TrackingNames {
  public static final int MAX_KEY = 250;
  public static final int MAX_PARAM_VALUE = 6000;
  public static final int MAX_TAG_VALUE = 5000;
  public static final int MAX_BATCH_METRICS = 1000;
  public static final int MAX_BATCH_PARAMS = 100;
  public static final int MAX_BATCH_TAGS = 100;
  public static final int MAX_EXPERIMENT_NAME = 500;
  private static final Pattern KEY =
      Pattern.compile("^[/\\w.\\- ]*$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern RUN_ID = Pattern.compile("^[0-9a-f]{32}$");

  private TrackingNames() {}

  /**
   * Checks a metric, param or tag key.
   *
   * @param kind "metric", "param" or "tag", used in the message
   */
  public static String key(String kind, String key) {
    if (key == null || key.isEmpty()) {
      throw new FlightdeckException(
          "A " + kind + " key is empty.", "Give every " + kind + " a name.");
    }
    if (key.length() > MAX_KEY) {
      throw new FlightdeckException(
          "The "
              + kind
              + " key '"
              + shorten(key)
              + "' is "
              + key.length()
              + " characters long; the limit is "
              + MAX_KEY
              + ".",
          "Use a shorter name.");
    }
    if (!KEY.matcher(key).matches()) {
      throw new FlightdeckException(
          "The "
              + kind
              + " key '"
              + shorten(key)
              + "' has characters outside letters, digits, '_', '-', '.', ' ' and '/'.",
          "Rename it using only those characters.");
    }
    // An empty part is a leading or trailing '/' or a '//': MLflow refuses all three.
    if (List.of(key.split("/", -1)).stream()
        .anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
      throw new FlightdeckException(
          "The "
              + kind
              + " key '"
              + shorten(key)
              + "' is not a plain relative name (no leading or trailing '/', no '.' or '..' parts,"
              + " no '//').",
          "Rename it, e.g. 'train/loss'.");
    }
    return key;
  }

  /** Checks a param's key and value. */
  public static Param param(Param p) {
    key("param", p.key());
    if (p.value() == null) {
      throw new FlightdeckException(
          "The param '" + p.key() + "' has no value.", "Log a value, e.g. an empty string.");
    }
    if (p.value().length() > MAX_PARAM_VALUE) {
      throw new FlightdeckException(
          "The value of param '"
              + p.key()
              + "' is "
              + p.value().length()
              + " characters long; the limit is "
              + MAX_PARAM_VALUE
              + ".",
          "Log a shorter value, or save it as an artifact.");
    }
    return p;
  }

  /** Checks a tag's key and value. */
  public static Tag tag(Tag t) {
    key("tag", t.key());
    if (t.value() == null) {
      throw new FlightdeckException(
          "The tag '" + t.key() + "' has no value.", "Set a value, e.g. an empty string.");
    }
    if (t.value().length() > MAX_TAG_VALUE) {
      throw new FlightdeckException(
          "The value of tag '"
              + t.key()
              + "' is "
              + t.value().length()
              + " characters long; the limit is "
              + MAX_TAG_VALUE
              + ".",
          "Set a shorter value, or save it as an artifact.");
    }
    return t;
  }

  /** Checks a metric's key (its value may be anything, NaN and infinities included). */
  public static Metric metric(Metric m) {
    key("metric", m.key());
    return m;
  }

  /** Checks an experiment name: not blank, at most 500 characters, no control characters. */
  public static String experimentName(String name) {
    if (name == null || name.isBlank()) {
      throw new FlightdeckException("The experiment name is empty.", "Give the experiment a name.");
    }
    if (name.length() > MAX_EXPERIMENT_NAME) {
      throw new FlightdeckException(
          "The experiment name is "
              + name.length()
              + " characters long; the limit is "
              + MAX_EXPERIMENT_NAME
              + ".",
          "Use a shorter name.");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new FlightdeckException(
          "The experiment name '" + shorten(name) + "' contains control characters.",
          "Use printable characters only.");
    }
    return name;
  }

  /** Checks a run id: 32 lowercase hex characters. */
  public static String runId(String runId) {
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw new FlightdeckException(
          "'" + shorten(String.valueOf(runId)) + "' is not a run id.",
          "A run id is 32 lowercase hex characters, as 'runs list' shows it.");
    }
    return runId;
  }

  /**
   * Checks an artifact path: relative, '/'-separated, no '..', '.', empty or absolute parts, no
   * backslash, no control characters, no percent-encoding, at most 1000 characters.
   */
  public static String artifactPath(String path) {
    boolean bad =
        path == null
            || path.isEmpty()
            || path.length() > 1000
            || path.startsWith("/")
            || path.contains("\\")
            || path.contains("%")
            || path.chars().anyMatch(Character::isISOControl)
            || (path.length() > 1 && path.charAt(1) == ':')
            || List.of(path.split("/", -1)).stream()
                .anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
    if (bad) {
      throw new FlightdeckException(
          "The artifact path '" + shorten(String.valueOf(path)) + "' is not a safe relative path.",
          "Use a relative path like 'model/model.onnx' without '..', '\\', '%' or a leading '/'.");
    }
    return path;
  }

  /** Checks a batch against the limits and every element's names; returns it. */
  public static RunBatch batch(RunBatch b) {
    runId(b.runId());
    if (b.metrics().size() > MAX_BATCH_METRICS
        || b.params().size() > MAX_BATCH_PARAMS
        || b.tags().size() > MAX_BATCH_TAGS) {
      throw new FlightdeckException(
          "A batch for run "
              + b.runId()
              + " has "
              + b.metrics().size()
              + " metrics, "
              + b.params().size()
              + " params and "
              + b.tags().size()
              + " tags; the limits are "
              + MAX_BATCH_METRICS
              + ", "
              + MAX_BATCH_PARAMS
              + " and "
              + MAX_BATCH_TAGS
              + ".",
          "Split it into smaller batches.");
    }
    // Keys repeat a lot within a batch (one per step): check each distinct key once.
    Set<String> seen = new HashSet<>();
    for (Metric m : b.metrics()) {
      if (seen.add(m.key())) {
        metric(m);
      }
    }
    b.params().forEach(TrackingNames::param);
    b.tags().forEach(TrackingNames::tag);
    return b;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
