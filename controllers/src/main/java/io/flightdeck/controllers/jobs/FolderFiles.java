package io.flightdeck.controllers.jobs;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The files of a working folder that can be copied to a remote host, as relative paths: regular
 * files only (links are not followed), hidden files and folders left out, a few folders deep and a
 * bounded number, so a large folder cannot stall the dialog. Blocking; call off the FX thread.
 */
final class FolderFiles {
  static final int MAX_FILES = 2000;
  static final int MAX_DEPTH = 4;

  /**
   * @param files relative paths with '/' separators, sorted
   * @param truncated whether more files were left out than the limits allow
   */
  record Listing(List<String> files, boolean truncated) {}

  private FolderFiles() {}

  static Listing list(Path folder) throws IOException {
    Path base = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(base)) {
      throw new FlightdeckException(
          "The working folder " + base + " does not exist.", "Choose an existing folder.");
    }
    List<String> out = new ArrayList<>();
    boolean[] truncated = {false};
    Files.walkFileTree(
        base,
        EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(base) || !hidden(dir)
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || hidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (out.size() == MAX_FILES) {
              truncated[0] = true;
              return FileVisitResult.TERMINATE;
            }
            out.add(base.relativize(file).toString().replace('\\', '/'));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // unreadable entries are not offered
          }
        });
    out.sort(null);
    return new Listing(out, truncated[0]);
  }

  private static boolean hidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }
}
