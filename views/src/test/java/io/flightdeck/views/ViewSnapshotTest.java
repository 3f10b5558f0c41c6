package io.flightdeck.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.views.charts.ChartImages;
import io.flightdeck.views.datasets.DatasetVersionRow;
import io.flightdeck.views.datasets.DatasetsView;
import io.flightdeck.views.datasets.DriftRow;
import io.flightdeck.views.datasets.DriftView;
import io.flightdeck.views.datasets.ProfileRow;
import io.flightdeck.views.shell.Theme;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders views with sample state and writes PNGs to target/view-snapshots for a human to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ViewSnapshotTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private Path snapshot(FxRobot robot, Parent root, String name) throws Exception {
    Path out = Path.of("target/view-snapshots").resolve(name + ".png");
    Files.createDirectories(out.getParent());
    WritableImage[] image = new WritableImage[1];
    robot.interact(
        () -> {
          Scene scene = new Scene(root, 1100, 720);
          scene.getStylesheets().setAll(Theme.baseStylesheetUrl(), Theme.LIGHT.stylesheetUrl());
          stage.setScene(scene);
          stage.show();
        });
    robot.interact(() -> image[0] = stage.getScene().snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", new File(out.toString()));
    return out;
  }

  @Test
  void datasetsView(FxRobot robot) throws Exception {
    DatasetsView[] view = new DatasetsView[1];
    robot.interact(
        () -> {
          DatasetsView v = new DatasetsView();
          v.versions()
              .addAll(
                  new DatasetVersionRow(
                      "weather", 1, 1461, 6, "2026-11-27 by ana", "passed", false),
                  new DatasetVersionRow(
                      "weather", 2, 1461, 7, "2026-11-27 by ana", "FAILED validation", true));
          v.profiles()
              .add(
                  new ProfileRow(
                      "temp_max",
                      "DECIMAL",
                      "feature",
                      1461,
                      "0",
                      "67",
                      "-1.6",
                      "35.6",
                      "16.4",
                      "7.35",
                      "2.2 · 5 · 10.6 · 15.6 · 22.2 · 28.9 · 32.8",
                      new double[] {3, 8, 20, 40, 55, 47, 30, 12, 4},
                      List.of()));
          v.versions();
          view[0] = v;
        });
    robot.interact(() -> view[0].selectVersion("weather:2"));
    robot.interact(() -> view[0].showTab(1));
    Path out = snapshot(robot, (Parent) view[0].root(), "datasets-view");
    assertThat(out).exists();
  }

  @Test
  void driftView(FxRobot robot) throws Exception {
    DriftView[] view = new DriftView[1];
    robot.interact(
        () -> {
          DriftView v = new DriftView();
          v.referenceChoices().addAll("weather:1", "weather:2");
          v.referenceProperty().set("weather:1");
          v.currentProperty().set("weather:2");
          v.rows()
              .addAll(
                  new DriftRow("temp_max", "Wasserstein (normed)", 0.42, "", 0.1, true),
                  new DriftRow("weather", "Jensen-Shannon", 0.21, "", 0.1, true),
                  new DriftRow("wind", "Wasserstein (normed)", 0.03, "", 0.1, false));
          v.showShare(2, 3, true);
          v.verdictProperty().set("Dataset drift: 2 of 3 columns drifted (share 0.67 >= 0.5)");
          v.showScoresChart(
              ChartImages.driftScores(
                  List.of("temp_max", "weather", "wind"),
                  List.of(0.42, 0.21, 0.03),
                  List.of(0.1, 0.1, 0.1),
                  600,
                  220));
          v.showDistributionChart(
              ChartImages.compareDistributions(
                  "temp_max",
                  List.of("0", "5", "10", "15"),
                  List.of(0.1, 0.3, 0.4, 0.2),
                  List.of(0.05, 0.15, 0.4, 0.4),
                  450,
                  240));
          v.showOverTimeChart(
              ChartImages.scoreOverTime(
                  "temp_max over time",
                  List.of("Q1", "Q2", "Q3", "Q4"),
                  new double[] {0.02, 0.05, 0.2, 0.4},
                  0.0,
                  0.03,
                  0.09,
                  450,
                  240));
          view[0] = v;
        });
    Path out = snapshot(robot, (Parent) view[0].root(), "drift-view");
    assertThat(out).exists();
    assertThat(view[0].shareValue()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
  }
}
