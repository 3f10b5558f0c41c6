package io.flightdeck.agent;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * MLflow's tracking REST API (the subset a training script uses) for one job's run, on {@code
 * 127.0.0.1} and a free port, with TCP_NODELAY. Requests run on two daemon threads; data goes
 * through the job's {@link RunRecorder}. Errors are MLflow's: {@code {"error_code":...,
 * "message":...}} with HTTP 400 (bad values, limits, a changed param) or 404 (another run, an
 * unknown endpoint). The caller closes it, which stops the server.
 */
final class MlflowServer implements AutoCloseable {
  static final String BASE = "/api/2.0/mlflow/";
  private static final JsonMapper READER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final HttpServer server;
  private final ExecutorService pool;
  private final MlflowRun run;

  private MlflowServer(HttpServer server, ExecutorService pool, MlflowRun run) {
    this.server = server;
    this.pool = pool;
    this.run = run;
  }

  /** Starts the endpoint for {@code runId}. */
  static MlflowServer start(RunRecorder recorder, String runId, JobSpec.Command spec)
      throws IOException {
    // without it the JDK server stalls ~44 ms per request on loopback (STACK.md)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "mlflow-http");
              t.setDaemon(true);
              return t;
            });
    MlflowServer s = new MlflowServer(server, pool, new MlflowRun(recorder, runId, spec));
    server.createContext("/", s::handle);
    server.setExecutor(pool);
    server.start();
    return s;
  }

  /** {@code http://127.0.0.1:PORT}. */
  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Map<String, Object> reply;
      int code = 200;
      try {
        if (!path.startsWith(BASE)) {
          throw new MlflowRun.ApiError(404, "ENDPOINT_NOT_FOUND", "No endpoint " + path + ".");
        }
        String endpoint = path.substring(BASE.length());
        boolean get = ex.getRequestMethod().equals("GET");
        Map<String, Object> body = get ? query(ex.getRequestURI().getRawQuery()) : body(ex);
        reply = run.call(endpoint, get, body);
      } catch (MlflowRun.ApiError e) {
        code = e.status;
        reply = error(e.code, e.getMessage());
      } catch (FlightdeckException e) {
        code = 400;
        reply = error("INVALID_PARAMETER_VALUE", e.oneLine());
      } catch (IllegalArgumentException | ClassCastException e) {
        code = 400;
        reply = error("MALFORMED_REQUEST", "The request is malformed: " + e.getMessage());
      }
      byte[] bytes = Json.write(reply).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(code, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, Object> error(String code, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error_code", code);
    m.put("message", message);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readAllBytes();
      if (b.length == 0) {
        return new LinkedHashMap<>();
      }
      try {
        return READER.readValue(b, Map.class);
      } catch (IOException e) {
        throw new IllegalArgumentException("the body is not a JSON object", e);
      }
    }
  }

  private static Map<String, Object> query(String raw) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        String k = eq < 0 ? kv : kv.substring(0, eq);
        String v = eq < 0 ? "" : kv.substring(eq + 1);
        m.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
