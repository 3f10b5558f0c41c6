package io.flightdeck.core.tracking;

import io.flightdeck.core.error.FlightdeckException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The fast, batched path for metrics, params and tags: callers on any thread {@code offer} points;
 * one flusher thread ({@code flightdeck-metrics}) groups whatever is queued, up to {@code
 * maxPerFlush} items or after {@code linger}, into MLflow-sized {@link RunBatch}es and stores them
 * with one {@link TrackingRepository#logBatches} call (one transaction).
 *
 * <p>Threading: every method is thread-safe. The queue is bounded: {@code offer} blocks while it is
 * full, so memory stays bounded when storage is slower than the producers. Items of one thread are
 * stored in the order offered.
 *
 * <p>Errors: names are checked when offered ({@link FlightdeckException} to the caller). A store
 * failure is never swallowed: the flusher retries each run's batch alone, so that one bad batch
 * (e.g. a changed param) does not take others down, and hands each batch that still fails to the
 * {@link Listener}, on the flusher thread.
 *
 * <p>Ownership: the creator closes it; {@link #close} stores what is queued and stops the thread.
 */
public final class MetricIngestor implements AutoCloseable {
  /**
   * Told about data that could not be stored. Called on the flusher thread; must not block long.
   */
  @FunctionalInterface
  public interface Listener {
    void failed(RunBatch batch, RuntimeException error);
  }

  /** Default queue capacity (items). */
  public static final int DEFAULT_CAPACITY = 200_000;

  /** Default largest number of items stored in one transaction. */
  public static final int DEFAULT_MAX_PER_FLUSH = 50_000;

  /** Default time the flusher waits for more items before it stores a partial group. */
  public static final Duration DEFAULT_LINGER = Duration.ofMillis(50);

  private record Item(String runId, Object datum) {}

  private static final int MAX_CHECKED = 100_000;

  private final TrackingRepository repo;
  private final Listener listener;
  private final int capacity;
  private final int maxPerFlush;
  private final int groupSize; // a full group: stop lingering (a full queue counts as full)
  private final long lingerNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final Condition progressed = lock.newCondition();
  private final ArrayDeque<Item> queue = new ArrayDeque<>();

  /** Metric keys and run ids already found valid (never params or tags: their values vary). */
  private final Set<String> checked = ConcurrentHashMap.newKeySet();

  private final Set<String> checkedRuns = ConcurrentHashMap.newKeySet();
  private final Thread flusher;
  private long offered; // items ever offered
  private long done; // items ever stored or reported as failed
  private long flushWanted; // a flush() waits for done to reach this
  private boolean closed;

  /** An ingestor with the default capacity, group size and linger. */
  public MetricIngestor(TrackingRepository repo, Listener listener) {
    this(repo, listener, DEFAULT_CAPACITY, DEFAULT_MAX_PER_FLUSH, DEFAULT_LINGER);
  }

  /**
   * @param repo where to store
   * @param listener told about every batch that could not be stored
   * @param capacity the most items queued before {@code offer} blocks
   * @param maxPerFlush the most items stored in one transaction
   * @param linger how long to wait for a fuller group once something is queued
   */
  public MetricIngestor(
      TrackingRepository repo, Listener listener, int capacity, int maxPerFlush, Duration linger) {
    if (capacity < 1 || maxPerFlush < 1) {
      throw new IllegalArgumentException("capacity and maxPerFlush must be positive");
    }
    this.repo = repo;
    this.listener = listener;
    this.capacity = capacity;
    this.maxPerFlush = maxPerFlush;
    this.groupSize = Math.min(capacity, maxPerFlush);
    this.lingerNanos = linger.toNanos();
    this.flusher = new Thread(this::run, "flightdeck-metrics");
    flusher.setDaemon(true);
    flusher.start();
  }

  /** Queues a metric point; blocks while the queue is full. */
  public void offer(String runId, Metric metric) throws InterruptedException {
    if (!checked.contains(metric.key())) {
      TrackingNames.metric(metric);
      remember(checked, metric.key());
    }
    enqueue(runId, metric);
  }

  /** Queues a param (stored with the rule of {@link TrackingRepository#logBatch}). */
  public void offer(String runId, Param param) throws InterruptedException {
    TrackingNames.param(param);
    enqueue(runId, param);
  }

  /** Queues a tag. */
  public void offer(String runId, Tag tag) throws InterruptedException {
    TrackingNames.tag(tag);
    enqueue(runId, tag);
  }

  /** Remembers a valid name so that the next point with it skips the regular expressions. */
  private static void remember(Set<String> names, String name) {
    if (names.size() >= MAX_CHECKED) {
      names.clear();
    }
    names.add(name);
  }

  private void enqueue(String runId, Object datum) throws InterruptedException {
    if (!checkedRuns.contains(runId)) {
      TrackingNames.runId(runId);
      remember(checkedRuns, runId);
    }
    lock.lockInterruptibly();
    try {
      while (queue.size() >= capacity && !closed) {
        notFull.await();
      }
      if (closed) {
        throw new IllegalStateException("The metric ingestor is closed");
      }
      queue.addLast(new Item(runId, datum));
      offered++;
      if (queue.size() >= groupSize) {
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until everything offered before this call is stored or reported to the listener.
   *
   * @throws InterruptedException when interrupted while waiting (the items stay queued)
   */
  public void flush() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      long target = offered;
      flushWanted = Math.max(flushWanted, target);
      notEmpty.signal();
      while (done < target) {
        if (!flusher.isAlive()) {
          throw new IllegalStateException("The metric flusher thread has stopped");
        }
        progressed.await(100, TimeUnit.MILLISECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stores what is queued, then stops the flusher thread. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signal();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (flusher.isAlive()) {
      try {
        flusher.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (true) {
      List<Item> group = next();
      if (group == null) {
        return;
      }
      store(group);
      lock.lock();
      try {
        done += group.size();
        progressed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** The next group to store, or null once closed and empty. */
  private List<Item> next() {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closed) {
          return null;
        }
        notEmpty.awaitUninterruptibly();
      }
      long deadline = System.nanoTime() + lingerNanos;
      while (queue.size() < groupSize && !closed && flushWanted <= done) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          notEmpty.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      int n = Math.min(queue.size(), maxPerFlush);
      List<Item> group = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        group.add(queue.pollFirst());
      }
      notFull.signalAll();
      return group;
    } finally {
      lock.unlock();
    }
  }

  private void store(List<Item> group) {
    List<RunBatch> batches = batches(group);
    try {
      repo.logBatches(batches);
    } catch (RuntimeException all) {
      // One bad batch must not lose the others: store each alone and report those that fail.
      for (RunBatch b : batches) {
        try {
          repo.logBatch(b);
        } catch (RuntimeException e) {
          report(b, e);
        }
      }
    }
  }

  private void report(RunBatch b, RuntimeException e) {
    try {
      listener.failed(b, e);
    } catch (RuntimeException inListener) {
      e.addSuppressed(inListener);
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }

  /** Groups items by run, in order, and cuts them into batches within the MLflow limits. */
  private static List<RunBatch> batches(List<Item> items) {
    Map<String, List<List<Object>>> byRun = new LinkedHashMap<>();
    for (Item it : items) {
      List<List<Object>> lists =
          byRun.computeIfAbsent(
              it.runId(), k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
      int kind = it.datum() instanceof Metric ? 0 : it.datum() instanceof Param ? 1 : 2;
      lists.get(kind).add(it.datum());
    }
    List<RunBatch> out = new ArrayList<>();
    for (Map.Entry<String, List<List<Object>>> e : byRun.entrySet()) {
      List<Metric> metrics = cast(e.getValue().get(0));
      List<Param> params = cast(e.getValue().get(1));
      List<Tag> tags = cast(e.getValue().get(2));
      for (int i = 0; ; i++) {
        List<Metric> m = slice(metrics, i, TrackingNames.MAX_BATCH_METRICS);
        List<Param> p = slice(params, i, TrackingNames.MAX_BATCH_PARAMS);
        List<Tag> t = slice(tags, i, TrackingNames.MAX_BATCH_TAGS);
        if (m.isEmpty() && p.isEmpty() && t.isEmpty()) {
          break;
        }
        out.add(new RunBatch(e.getKey(), m, p, t));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<Object> l) {
    return (List<T>) (List<?>) l;
  }

  private static <T> List<T> slice(List<T> l, int chunk, int size) {
    int from = Math.min(l.size(), chunk * size);
    return l.subList(from, Math.min(l.size(), from + size));
  }
}
