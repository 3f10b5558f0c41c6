package io.flightdeck.core.hosts;

import java.util.List;
import java.util.Optional;

/** The host inventory's storage. Implementations are thread-safe and block on the database. */
public interface HostRepository {
  List<HostConfig> list();

  Optional<HostConfig> find(String name);

  /** Inserts or replaces the host of that name. */
  void save(HostConfig host);

  /**
   * @return whether a host was removed
   */
  boolean delete(String name);
}
