package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a job's supervisor is waiting because its spool cannot be written, as {@code serve} sees
 * it: the file {@code spool-state} in the job folder. The supervisor allocates it at start ({@value
 * #SIZE} bytes, fsynced) and afterwards only overwrites those bytes in place, which needs no new
 * disk space, so it can say "waiting" on a disk that is already full (not on copy-on-write file
 * systems such as btrfs or ZFS, where such a write may fail too; then serve shows nothing). The
 * content is one JSON object, {@code {"waiting":false}} or {@code {"message":"waiting:
 * ...","since":<epoch ms>,"waiting":true}}, padded with spaces to {@value #SIZE} bytes.
 *
 * <p>The writer side is one instance per job, owned by the {@link SpoolWriter}'s thread (not
 * thread-safe), which closes it. {@link #read} is stateless: any thread of any process.
 */
final class SpoolState implements AutoCloseable {
  static final int SIZE = 4096;
  private static final int MAX_MESSAGE = 3000;

  private final FileChannel channel;
  private String content = "";

  private SpoolState(FileChannel channel) {
    this.channel = channel;
  }

  /** Allocates the file with "not waiting" and fsyncs it. */
  static SpoolState create(Path file) throws IOException {
    FileChannel c =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    SpoolState s = new SpoolState(c);
    try {
      s.write(null);
      c.force(true);
    } catch (IOException e) {
      c.close();
      throw e;
    }
    return s;
  }

  /**
   * Overwrites the file in place; does nothing when the content would not change.
   *
   * @param waiting why the supervisor waits, or null when it does not
   */
  void write(Waiting waiting) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("waiting", waiting != null);
    if (waiting != null) {
      String msg = waiting.message();
      m.put("message", msg.length() > MAX_MESSAGE ? msg.substring(0, MAX_MESSAGE) + "…" : msg);
      m.put("since", waiting.since());
    }
    String json = AgentCodec.line(m);
    if (json.equals(content)) {
      return;
    }
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] page = new byte[SIZE];
    Arrays.fill(page, (byte) ' ');
    System.arraycopy(text, 0, page, 0, Math.min(text.length, SIZE - 1));
    page[SIZE - 1] = '\n';
    ByteBuffer b = ByteBuffer.wrap(page);
    long pos = 0;
    while (b.hasRemaining()) {
      pos += channel.write(b, pos);
    }
    content = json;
  }

  /**
   * What the file says: empty when the supervisor is not waiting or there is no file (an older
   * supervisor, or one that could not create it).
   *
   * @throws IOException when the file cannot be read or was caught mid-write: ask again later
   */
  static Optional<Waiting> read(Path file) throws IOException {
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (text.isEmpty()) {
      return Optional.empty(); // created, not yet written
    }
    Map<String, Object> m;
    try {
      m = AgentCodec.read(text);
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a JSON object: " + e.getMessage(), e);
    }
    if (!Boolean.TRUE.equals(m.get("waiting"))) {
      return Optional.empty();
    }
    long since = m.get("since") instanceof Number n ? n.longValue() : 0;
    return Optional.of(new Waiting(since, String.valueOf(m.get("message"))));
  }

  /** The supervisor waits since {@code since} (epoch ms) for the reason in {@code message}. */
  record Waiting(long since, String message) {}

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
