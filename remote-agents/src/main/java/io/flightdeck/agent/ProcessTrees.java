package io.flightdeck.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a process and everything it started. Blocking; any thread. */
final class ProcessTrees {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessTrees.class);

  static final Duration GRACE = Duration.ofSeconds(5);

  private ProcessTrees() {}

  /**
   * Sends TERM to {@code root}'s descendants and then to {@code root}, waits up to {@link #GRACE}
   * for them to exit, then KILLs what is left. The tree is listed before the first signal, so
   * grandchildren that are re-parented when their parent dies are still ended.
   *
   * @param includeRoot whether {@code root} itself is ended too
   */
  static void kill(ProcessHandle root, boolean includeRoot) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    if (includeRoot) {
      tree.add(root);
    }
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (ProcessHandle h : tree) {
      if (h.isAlive()) {
        LOG.info("pid " + h.pid() + " ignored TERM for " + GRACE.toSeconds() + " s: KILL");
        h.destroyForcibly();
      }
    }
  }
}
