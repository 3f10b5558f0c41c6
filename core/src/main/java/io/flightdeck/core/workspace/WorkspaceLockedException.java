package io.flightdeck.core.workspace;

import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Path;

/** The workspace is open in another Flightdeck process. */
public final class WorkspaceLockedException extends FlightdeckException {
  private static final long serialVersionUID = 1L;
  private final String holder;

  /**
   * @param workspace the workspace folder
   * @param holder who holds it, as written in its lock file (process id, host, since when)
   */
  public WorkspaceLockedException(Path workspace, String holder) {
    super(
        "The workspace " + workspace + " is already open in another Flightdeck (" + holder + ").",
        "Close that Flightdeck first, or open another workspace with --workspace DIR.");
    this.holder = holder;
  }

  /** The lock holder's description. */
  public String holder() {
    return holder;
  }
}
