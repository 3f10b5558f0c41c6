package io.flightdeck.store;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.workspace.WorkspaceLockedException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive, operating-system level lock on a workspace folder, held for as long as the
 * workspace is open. The lock file names its holder (process id, host, user, since when), so a
 * second Flightdeck can say who has it. The OS releases the lock when the process dies, so a crash
 * never leaves a workspace locked.
 */
final class WorkspaceLock implements AutoCloseable {
  static final String FILE_NAME = "workspace.lock";

  /**
   * Lock files held by this process, with the holder text. OS file locks belong to the process, and
   * on POSIX closing <em>any</em> descriptor of the file drops them, so while this process holds a
   * lock it must not open the file again (not even to read the holder): a second open in this
   * process is answered from here. Process-wide on purpose, like the OS lock it mirrors.
   */
  private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock or fails.
   *
   * @throws WorkspaceLockedException when another process (or this one) holds it
   */
  static WorkspaceLock acquire(Path workspaceDir) {
    Path file = workspaceDir.resolve(FILE_NAME);
    Path key;
    try {
      key = workspaceDir.toRealPath().resolve(FILE_NAME);
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot lock the workspace " + workspaceDir + ": " + e.getMessage() + ".",
          "Check that the folder exists and is readable.",
          e);
    }
    String self = describeSelf();
    String heldBy = HELD.putIfAbsent(key, self);
    if (heldBy != null) {
      throw new WorkspaceLockedException(workspaceDir, heldBy);
    }
    FileChannel channel = null;
    boolean locked = false;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = readHolder(file);
        channel.close();
        throw new WorkspaceLockedException(workspaceDir, holder);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(self.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      locked = true;
      return new WorkspaceLock(key, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel, e);
      throw new FlightdeckException(
          "Cannot lock the workspace " + workspaceDir + ": " + e.getMessage() + ".",
          "Check that the folder is writable.",
          e);
    } finally {
      if (!locked) {
        HELD.remove(key, self);
      }
    }
  }

  private static String readHolder(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "holder unknown" : text;
  }

  private static String describeSelf() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "process "
        + ProcessHandle.current().pid()
        + " of user "
        + System.getProperty("user.name")
        + " on "
        + host
        + ", since "
        + Instant.now();
  }

  private static void closeQuietly(FileChannel channel, Exception primary) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        primary.addSuppressed(suppressed);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      try {
        channel.close();
      } finally {
        HELD.remove(key);
      }
    }
  }
}
