package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MLflow endpoints' logic for one run, in MLflow's JSON shapes. Every experiment name maps to
 * the job's experiment: the run stays where the app put it. Thread-safe.
 */
final class MlflowRun {
  private final RunRecorder recorder;
  private final String runId;
  private final JobSpec.Command spec;
  private final long startTime = System.currentTimeMillis();
  private volatile String status = "RUNNING";
  private volatile Long endTime;
  private volatile String runName;

  MlflowRun(RunRecorder recorder, String runId, JobSpec.Command spec) {
    this.recorder = recorder;
    this.runId = runId;
    this.spec = spec;
    this.runName = spec.runName();
  }

  /** An MLflow error reply. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  Map<String, Object> call(String endpoint, boolean get, Map<String, Object> b) {
    switch ((get ? "GET " : "POST ") + endpoint) {
      case "POST runs/create" -> {
        List<Tag> tags = new ArrayList<>();
        if (b.get("run_name") instanceof String n && !n.isEmpty()) {
          runName = n;
          tags.add(new Tag("mlflow.runName", n));
        }
        tags.addAll(tags(b.get("tags")));
        recorder.batch(new RunBatch(runId, List.of(), List.of(), tags));
        return Map.of("run", run());
      }
      case "GET runs/get" -> {
        checkRun(b);
        return Map.of("run", run());
      }
      case "POST runs/update" -> {
        checkRun(b);
        if (b.get("status") instanceof String s) {
          status = s;
          recorder.events().status("The script set its MLflow run status to " + s + ".");
        }
        if (b.get("end_time") != null) {
          endTime = number(b.get("end_time"), "end_time");
        }
        if (b.get("run_name") instanceof String n && !n.isEmpty()) {
          runName = n;
          recorder.tag(runId, new Tag("mlflow.runName", n));
        }
        return Map.of("run_info", info());
      }
      case "POST runs/log-metric" -> {
        recorder.metric(checkRun(b), metric(b));
        return Map.of();
      }
      case "POST runs/log-parameter" -> {
        recorder.param(checkRun(b), new Param(text(b, "key"), text(b, "value")));
        return Map.of();
      }
      case "POST runs/set-tag" -> {
        recorder.tag(checkRun(b), new Tag(text(b, "key"), text(b, "value")));
        return Map.of();
      }
      case "POST runs/log-batch" -> {
        List<Metric> metrics = new ArrayList<>();
        for (Map<String, Object> m : list(b.get("metrics"))) {
          metrics.add(metric(m));
        }
        List<Param> params = new ArrayList<>();
        for (Map<String, Object> m : list(b.get("params"))) {
          params.add(new Param(text(m, "key"), text(m, "value")));
        }
        recorder.batch(new RunBatch(checkRun(b), metrics, params, tags(b.get("tags"))));
        return Map.of();
      }
      case "GET experiments/get-by-name" -> {
        String name = TrackingNames.experimentName(text(b, "experiment_name"));
        if (!name.equals(spec.experimentName())) {
          throw new ApiError(
              404,
              "RESOURCE_DOES_NOT_EXIST",
              "Could not find experiment with name '" + name + "'.");
        }
        return Map.of("experiment", experiment());
      }
      case "GET experiments/get" -> {
        if (!spec.experimentId().equals(text(b, "experiment_id"))) {
          throw new ApiError(
              404, "RESOURCE_DOES_NOT_EXIST", "No experiment " + b.get("experiment_id") + ".");
        }
        return Map.of("experiment", experiment());
      }
      case "POST experiments/create" -> {
        TrackingNames.experimentName(text(b, "name"));
        return Map.of("experiment_id", spec.experimentId());
      }
      default ->
          throw new ApiError(
              404, "ENDPOINT_NOT_FOUND", "This agent does not serve " + endpoint + ".");
    }
  }

  private String checkRun(Map<String, Object> b) {
    Object id = b.get("run_id") != null ? b.get("run_id") : b.get("run_uuid");
    if (id == null) {
      throw new ApiError(
          400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'run_id'.");
    }
    if (!runId.equals(id)) {
      throw new ApiError(
          404,
          "RESOURCE_DOES_NOT_EXIST",
          "Run '" + id + "' not found; this endpoint serves run " + runId + " only.");
    }
    return runId;
  }

  private static Metric metric(Map<String, Object> m) {
    Object v = m.get("value");
    double value;
    if (v instanceof Number n) {
      value = n.doubleValue();
    } else if (v instanceof String s) {
      try {
        value = AgentCodec.parseDouble(s);
      } catch (NumberFormatException e) {
        throw bad("The metric value '" + s + "' is not a number.");
      }
    } else {
      throw bad("Missing value for required parameter 'value'.");
    }
    long ts =
        m.get("timestamp") == null
            ? System.currentTimeMillis()
            : number(m.get("timestamp"), "timestamp");
    long step = m.get("step") == null ? 0 : number(m.get("step"), "step");
    return new Metric(text(m, "key"), value, ts, step);
  }

  private static List<Tag> tags(Object v) {
    List<Tag> out = new ArrayList<>();
    for (Map<String, Object> m : list(v)) {
      out.add(new Tag(text(m, "key"), text(m, "value")));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object v) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof Map)) {
      throw bad("Expected a list of objects, got " + v + ".");
    }
    return (List<Map<String, Object>>) l;
  }

  private static String text(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null) {
      throw bad("Missing value for required parameter '" + field + "'.");
    }
    return String.valueOf(v);
  }

  private static long number(Object v, String field) {
    try {
      return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw bad("The parameter '" + field + "' must be a whole number, got '" + v + "'.");
    }
  }

  private static ApiError bad(String message) {
    return new ApiError(400, "INVALID_PARAMETER_VALUE", message);
  }

  private Map<String, Object> run() {
    Map<String, Object> data = new LinkedHashMap<>();
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (Metric m : recorder.latestMetrics()) {
      metrics.add(
          Map.of(
              "key", m.key(),
              "value", AgentCodec.jsonDouble(m.value()),
              "timestamp", m.timestampMs(),
              "step", m.step()));
    }
    data.put("metrics", metrics);
    data.put("params", pairs(recorder.params()));
    data.put("tags", pairs(recorder.tags()));
    return Map.of("info", info(), "data", data, "inputs", Map.of());
  }

  private static List<Map<String, Object>> pairs(Map<String, String> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(Map.of("key", k, "value", v)));
    return out;
  }

  private Map<String, Object> info() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("run_uuid", runId);
    m.put("run_name", runName);
    m.put("experiment_id", spec.experimentId());
    m.put("user_id", System.getProperty("user.name"));
    m.put("status", status);
    m.put("start_time", startTime);
    if (endTime != null) {
      m.put("end_time", endTime);
    }
    m.put("artifact_uri", "flightdeck-artifacts:/" + runId);
    m.put("lifecycle_stage", "active");
    return m;
  }

  private Map<String, Object> experiment() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment_id", spec.experimentId());
    m.put("name", spec.experimentName());
    m.put("artifact_location", "flightdeck-artifacts:/");
    m.put("lifecycle_stage", "active");
    m.put("tags", List.of());
    return m;
  }
}
