package io.flightdeck.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceLocationsTest {
  /** Absolute on every platform the tests run on ("/" or "C:\"). */
  private static final Path ROOT = Path.of("").toAbsolutePath().getRoot();

  private static final Path HOME = ROOT.resolve("home").resolve("ana");

  private static WorkspaceLocations linux(Map<String, String> env) {
    return new WorkspaceLocations(env, "Linux", HOME);
  }

  @Nested
  class Linux {
    @Test
    void usesXdgDataHomeWhenSet() {
      Path data = ROOT.resolve("data");
      assertThat(linux(Map.of("XDG_DATA_HOME", data.toString())).defaultWorkspace())
          .isEqualTo(data.resolve("flightdeck").resolve("workspace"));
    }

    @Test
    void fallsBackToLocalShareWhenUnset() {
      assertThat(linux(Map.of()).defaultWorkspace())
          .isEqualTo(HOME.resolve(".local/share/flightdeck/workspace"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/data", "./data", "data", "", "   "})
    void ignoresRelativeOrBlankXdgDataHome(String value) {
      assertThat(linux(Map.of("XDG_DATA_HOME", value)).defaultWorkspace())
          .isEqualTo(HOME.resolve(".local/share/flightdeck/workspace"));
    }

    @Test
    void usesXdgConfigHomeWhenSet() {
      Path config = ROOT.resolve("etc").resolve("cfg");
      assertThat(linux(Map.of("XDG_CONFIG_HOME", config.toString())).configHome())
          .isEqualTo(config.resolve("flightdeck"));
    }

    @Test
    void configFallsBackToDotConfig() {
      assertThat(linux(Map.of()).configHome()).isEqualTo(HOME.resolve(".config/flightdeck"));
      assertThat(linux(Map.of("XDG_CONFIG_HOME", "rel")).configHome())
          .isEqualTo(HOME.resolve(".config/flightdeck"));
    }

    @Test
    void dataAndConfigVariablesAreIndependent() {
      Path data = ROOT.resolve("data");
      WorkspaceLocations l = linux(Map.of("XDG_DATA_HOME", data.toString()));
      assertThat(l.configHome()).isEqualTo(HOME.resolve(".config/flightdeck"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Linux", "LINUX", "FreeBSD", "SunOS", ""})
    void everyOtherSystemFollowsXdg(String os) {
      assertThat(new WorkspaceLocations(Map.of(), os, HOME).defaultWorkspace())
          .isEqualTo(HOME.resolve(".local/share/flightdeck/workspace"));
    }

    @Test
    void copiesTheEnvironment() {
      Map<String, String> env = new HashMap<>();
      WorkspaceLocations l = linux(env);
      env.put("XDG_DATA_HOME", ROOT.resolve("later").toString());
      assertThat(l.defaultWorkspace()).isEqualTo(HOME.resolve(".local/share/flightdeck/workspace"));
    }
  }

  @Nested
  class Mac {
    @ParameterizedTest
    @ValueSource(strings = {"Mac OS X", "mac os x", "MacOS"})
    void usesApplicationSupport(String os) {
      // XDG variables are a Linux convention; macOS apps keep to Library.
      WorkspaceLocations l =
          new WorkspaceLocations(Map.of("XDG_DATA_HOME", ROOT.resolve("x").toString()), os, HOME);
      Path base = HOME.resolve("Library/Application Support/Flightdeck");
      assertThat(l.defaultWorkspace()).isEqualTo(base.resolve("workspace"));
      assertThat(l.configHome()).isEqualTo(base);
    }
  }

  @Nested
  class Windows {
    @Test
    void usesLocalAppDataForDataAndAppDataForConfig() {
      Path local = ROOT.resolve("Users/ana/AppData/Local");
      Path roaming = ROOT.resolve("Users/ana/AppData/Roaming");
      WorkspaceLocations l =
          new WorkspaceLocations(
              Map.of("LOCALAPPDATA", local.toString(), "APPDATA", roaming.toString()),
              "Windows 11",
              HOME);
      assertThat(l.defaultWorkspace()).isEqualTo(local.resolve("Flightdeck").resolve("workspace"));
      assertThat(l.configHome()).isEqualTo(roaming.resolve("Flightdeck"));
    }

    @Test
    void fallsBackToTheConventionalFoldersUnderHome() {
      WorkspaceLocations l = new WorkspaceLocations(Map.of("APPDATA", " "), "Windows 10", HOME);
      assertThat(l.defaultWorkspace())
          .isEqualTo(HOME.resolve("AppData/Local/Flightdeck/workspace"));
      // Settings roam (APPDATA is ...\AppData\Roaming), data stays local.
      assertThat(l.configHome()).isEqualTo(HOME.resolve("AppData/Roaming/Flightdeck"));
    }
  }

  @Test
  void systemLocationsEndInFlightdeckFolders() {
    WorkspaceLocations l = WorkspaceLocations.ofSystem();
    assertThat(l.defaultWorkspace().getFileName()).hasToString("workspace");
    assertThat(l.configHome().getFileName().toString()).isEqualToIgnoringCase("flightdeck");
  }
}
