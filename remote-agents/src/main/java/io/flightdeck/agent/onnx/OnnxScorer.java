package io.flightdeck.agent.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.Scorer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scorer (evaluation, batch scoring, serving): one ONNX Runtime session over a model that
 * was inspected and hash-checked, fed one float tensor {@code [rows, features]} per call.
 * Classification returns the model's {@code [N, C]} probability output, regression its {@code [N,
 * 1]} or {@code [N]} values. Uses the CUDA execution provider when this ONNX Runtime build has it
 * and it starts, else the CPU; {@link #provider()} says which and why.
 *
 * <p>Threading: {@link #predict} may run on many threads at once (ONNX Runtime's run is
 * thread-safe); each thread reuses its own direct input buffer. Ownership: the caller closes it;
 * {@link #close} waits for running calls and frees the native session. Errors: {@link
 * FlightdeckException} naming the file when the model cannot be opened or does not fit the
 * signature or task.
 */
public final class OnnxScorer implements Scorer {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxScorer.class);

  /** Batches above this many floats are not cached per thread (wrapped instead). */
  private static final int MAX_CACHED_FLOATS = 4 << 20;

  private final Path file;
  private final OrtEnvironment env;
  private final OrtSession.SessionOptions options;
  private final OrtSession session;
  private final String provider;
  private final String task;
  private final String inputName;
  private final Outputs.Pick output;
  private final Set<String> outputSet;
  private final List<String> features;
  private final List<String> labels;
  private final ThreadLocal<FloatBuffer> buffers = new ThreadLocal<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private OnnxScorer(
      Path file,
      OrtEnvironment env,
      OrtSession.SessionOptions options,
      OrtSession session,
      String provider,
      ModelSignature signature,
      String task)
      throws OrtException {
    this.file = file;
    this.env = env;
    this.options = options;
    this.session = session;
    this.provider = provider;
    this.task = task;
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (inputs.size() != 1) {
      throw misfit(
          "takes " + inputs.size() + " inputs " + inputs.keySet() + "; the scorer feeds one");
    }
    NodeInfo in = inputs.values().iterator().next();
    this.inputName = in.getName();
    if (!(in.getInfo() instanceof TensorInfo ti)
        || ti.type != OnnxJavaType.FLOAT
        || ti.getShape().length != 2) {
      throw misfit("has input '" + inputName + "' of type " + in.getInfo());
    }
    long width = ti.getShape()[1];
    List<String> names = signature.featureNames();
    if (names.isEmpty()) {
      if (width <= 0) {
        throw misfit("has a dynamic feature width and no feature names are known");
      }
      names = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        names.add("f" + j);
      }
    } else if (width > 0 && width != names.size()) {
      throw misfit("takes " + width + " features but its signature names " + names.size());
    }
    this.features = List.copyOf(names);
    this.output =
        Outputs.pick(task, session.getOutputInfo(), signature.labels().size())
            .orElseThrow(() -> misfit("has no " + Outputs.wanted(task)));
    List<String> ls = signature.labels();
    if (task.equals(Outputs.CLASSIFICATION) && ls.isEmpty()) {
      if (output.width() <= 0) {
        throw misfit("has a dynamic number of classes and no labels are known");
      }
      ls = new ArrayList<>();
      for (int j = 0; j < output.width(); j++) {
        ls.add(Integer.toString(j));
      }
    }
    this.labels = task.equals(Outputs.CLASSIFICATION) ? List.copyOf(ls) : List.of();
    this.outputSet = Set.of(output.name());
  }

  /** Opens a model with CUDA when it works, else on the CPU. */
  public static OnnxScorer open(Path model, ModelSignature signature, String task) {
    return open(model, signature, task, false);
  }

  /**
   * @param cpuOnly true to skip the GPU even when it is there
   * @throws FlightdeckException naming the file when it cannot be opened or does not fit the task
   */
  public static OnnxScorer open(
      Path model, ModelSignature signature, String task, boolean cpuOnly) {
    if (!task.equals(Outputs.CLASSIFICATION) && !task.equals(Outputs.REGRESSION)) {
      throw new IllegalArgumentException("task must be classification or regression: " + task);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Sessions.Opened opened;
    try {
      opened = Sessions.open(env, model, cpuOnly);
    } catch (OrtException e) {
      throw new FlightdeckException(
          "ONNX Runtime cannot open the model " + model + ": " + e.getMessage(),
          "Register the model again; it should have been refused when it was inspected.",
          e);
    }
    try {
      return new OnnxScorer(
          model, env, opened.options(), opened.session(), opened.provider(), signature, task);
    } catch (OrtException e) {
      closeQuietly(opened.session());
      opened.options().close();
      throw new FlightdeckException(
          "ONNX Runtime cannot open the model " + model + ": " + e.getMessage(),
          "Register the model again; it should have been refused when it was inspected.",
          e);
    } catch (RuntimeException e) {
      closeQuietly(opened.session());
      opened.options().close();
      throw e;
    }
  }

  @Override
  public List<String> features() {
    return features;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public String task() {
    return task;
  }

  @Override
  public String provider() {
    return provider;
  }

  /** The ONNX file this scorer was opened on. */
  public Path file() {
    return file;
  }

  @Override
  public float[] predict(float[] rowMajor, int rows) {
    int width = features.size();
    long n = (long) rows * width;
    if (rows < 0 || n > rowMajor.length) {
      throw new IllegalArgumentException(
          rows + " rows of " + width + " features need " + n + " values, not " + rowMajor.length);
    }
    int per = task.equals(Outputs.CLASSIFICATION) ? labels.size() : 1;
    if (rows == 0) {
      return new float[0];
    }
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("The scorer for " + file + " is closed.");
      }
      try (OnnxTensor tensor =
              OnnxTensor.createTensor(env, input(rowMajor, (int) n), new long[] {rows, width});
          OrtSession.Result result = session.run(Map.of(inputName, tensor), outputSet)) {
        return Outputs.read(result.get(0), rows, per, file);
      } catch (OrtException e) {
        throw new FlightdeckException(
            "Scoring " + rows + " rows with " + file + " failed: " + e.getMessage(), "", e);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The rows in a direct buffer of this thread, so ONNX Runtime reads them without a copy. */
  private FloatBuffer input(float[] rowMajor, int n) {
    if (n > MAX_CACHED_FLOATS) {
      return FloatBuffer.wrap(rowMajor, 0, n);
    }
    FloatBuffer buf = buffers.get();
    if (buf == null || buf.capacity() < n) {
      int cap = Math.min(MAX_CACHED_FLOATS, Math.max(n, buf == null ? 0 : buf.capacity() * 2));
      buf =
          ByteBuffer.allocateDirect(cap * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
      buffers.set(buf);
    }
    buf.clear();
    buf.put(rowMajor, 0, n);
    buf.flip();
    return buf;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(session);
      options.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private FlightdeckException misfit(String what) {
    return new FlightdeckException(
        "The model " + file + " " + what + ".",
        "Flightdeck scores models that take one float tensor [rows, features] and give a "
            + Outputs.wanted(task)
            + ".");
  }

  private static void closeQuietly(OrtSession session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (OrtException e) {
      // the session is being dropped; its native memory is released either way
      LOG.warn("Closing an ONNX Runtime session failed", e);
    }
  }
}
