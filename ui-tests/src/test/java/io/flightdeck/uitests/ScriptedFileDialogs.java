package io.flightdeck.uitests;

import io.flightdeck.controllers.shell.FileDialogs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * File dialogs that answer from a script instead of asking (native dialogs cannot run headless).
 */
final class ScriptedFileDialogs implements FileDialogs {
  private final Deque<Path> answers = new ArrayDeque<>();

  void answer(Path p) {
    answers.add(p);
  }

  @Override
  public Optional<Path> open(String title, String description, String... extensions) {
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> save(
      String title, String initialName, String description, String... extensions) {
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> folder(String title) {
    return Optional.ofNullable(answers.poll());
  }
}
