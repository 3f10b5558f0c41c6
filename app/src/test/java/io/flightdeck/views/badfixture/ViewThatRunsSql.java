package io.flightdeck.views.badfixture;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A deliberately wrong view (test fixture only): it runs SQL, which the architecture rules must
 * reject.
 */
public final class ViewThatRunsSql {
  private ViewThatRunsSql() {}

  static void load(Connection c) throws SQLException {
    c.createStatement().execute("SELECT 1");
  }
}
