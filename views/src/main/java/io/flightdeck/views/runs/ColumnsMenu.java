package io.flightdeck.views.runs;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The "Columns…" menu: every param, tag and metric key seen, each with a check box. */
final class ColumnsMenu {
  private final MenuButton button = new MenuButton("Columns…");
  private final ObservableList<ColumnChoice> chosen;

  ColumnsMenu(ObservableList<ColumnChoice> chosen) {
    this.chosen = chosen;
    button.setId("columns-menu");
  }

  MenuButton button() {
    return button;
  }

  void setKeys(List<String> params, List<String> tags, List<String> metrics) {
    Menu p = new Menu("Params (" + params.size() + ")");
    params.forEach(k -> p.getItems().add(item(k, ColumnChoice.param(k))));
    Menu t = new Menu("Tags (" + tags.size() + ")");
    tags.forEach(k -> t.getItems().add(item(k, ColumnChoice.tag(k))));
    Menu m = new Menu("Metrics (" + metrics.size() + ")");
    for (String k : metrics) {
      Menu one = new Menu(k);
      for (ColumnChoice.Agg a : ColumnChoice.Agg.values()) {
        one.getItems().add(item(a.name().toLowerCase(), ColumnChoice.metric(k, a)));
      }
      m.getItems().add(one);
    }
    button.getItems().setAll(m, p, t);
  }

  private MenuItem item(String text, ColumnChoice choice) {
    CheckBox box = new CheckBox(text);
    box.setSelected(chosen.contains(choice));
    box.selectedProperty()
        .addListener(
            (o, was, on) -> {
              if (on && !chosen.contains(choice)) {
                chosen.add(choice);
              } else if (!on) {
                chosen.remove(choice);
              }
            });
    CustomMenuItem item = new CustomMenuItem(box);
    item.setHideOnClick(false);
    item.setId("column-" + choice.title());
    return item;
  }
}
