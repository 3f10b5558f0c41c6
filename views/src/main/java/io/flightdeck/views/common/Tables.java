package io.flightdeck.views.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Small helpers for read-only tables of records. */
public final class Tables {
  private Tables() {}

  /** A column showing {@code property} of each row. */
  public static <R, T> TableColumn<R, T> column(
      String title, Function<R, T> property, double width) {
    TableColumn<R, T> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(property.apply(cd.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
