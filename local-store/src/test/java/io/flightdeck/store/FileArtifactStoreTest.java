package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.flightdeck.core.error.FlightdeckException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileArtifactStoreTest {
  @TempDir Path root;
  private FileArtifactStore store;

  @BeforeEach
  void open() throws IOException {
    store = new FileArtifactStore(root);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private List<Path> files(String sub) throws IOException {
    try (Stream<Path> s = Files.walk(root.resolve(sub))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void putReturnsTheSha256OfTheBytesAndStoresThemUnderIt() throws Exception {
    byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 1);
    String hash = store.put(new ByteArrayInputStream(bytes));

    assertThat(hash).isEqualTo(sha256(bytes));
    Path file = store.pathOf(hash);
    assertThat(file)
        .isEqualTo(
            root.resolve("objects").resolve(hash.substring(0, 2)).resolve(hash.substring(2)));
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(store.contains(hash)).isTrue();
    assertThat(files("tmp")).isEmpty();
  }

  @Test
  void emptyContentHasTheWellKnownHash() throws Exception {
    String hash = store.put(InputStream.nullInputStream());
    assertThat(hash).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    try (InputStream in = store.openVerified(hash)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void sameContentTwiceIsOneObject() throws Exception {
    byte[] bytes = randomBytes(10_000, 2);
    String a = store.put(new ByteArrayInputStream(bytes));
    String b = store.put(new ByteArrayInputStream(bytes));
    assertThat(a).isEqualTo(b);
    assertThat(files("objects")).containsExactly(store.pathOf(a));
    assertThat(files("tmp")).isEmpty();
  }

  @Test
  void differentContentIsDifferentObjects() throws Exception {
    String a = store.put(new ByteArrayInputStream(new byte[] {1}));
    String b = store.put(new ByteArrayInputStream(new byte[] {2}));
    assertThat(a).isNotEqualTo(b);
    assertThat(files("objects")).hasSize(2);
  }

  @Test
  void storedObjectsAreReadOnly() throws Exception {
    String hash = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    assumeThat(root.getFileSystem().supportedFileAttributeViews()).contains("posix");
    assertThat(Files.getPosixFilePermissions(store.pathOf(hash)))
        .doesNotContain(
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
  }

  @Test
  void openVerifiedReturnsTheContent() throws Exception {
    byte[] bytes = randomBytes(5000, 3);
    String hash = store.put(new ByteArrayInputStream(bytes));
    try (InputStream in = store.openVerified(hash)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void openVerifiedDetectsAChangedByteAndNamesBothHashes() throws Exception {
    byte[] bytes = randomBytes(5000, 4);
    String hash = store.put(new ByteArrayInputStream(bytes));
    Path file = store.pathOf(hash);
    assertThat(file.toFile().setWritable(true)).isTrue();
    byte[] altered = bytes.clone();
    altered[2500] ^= 0x01;
    Files.write(file, altered);

    assertThatThrownBy(() -> store.openVerified(hash))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("altered")
        .hasMessageContaining("expected SHA-256 " + hash)
        .hasMessageContaining("found " + sha256(altered))
        .extracting(e -> ((FlightdeckException) e).hint())
        .asString()
        .contains("backup");
    // Storing the original again does not silently "repair" it by overwriting.
    assertThat(store.put(new ByteArrayInputStream(bytes))).isEqualTo(hash);
    assertThat(Files.readAllBytes(file)).isEqualTo(altered);
  }

  @Test
  void openVerifiedOfAMissingObjectSaysSo() {
    String hash = "ab" + "0".repeat(62);
    assertThat(store.contains(hash)).isFalse();
    assertThatThrownBy(() -> store.openVerified(hash))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("is missing")
        .hasMessageContaining(hash);
  }

  @Test
  void leftoversInTmpAreCleanedOnOpen() throws Exception {
    Path tmp = root.resolve("tmp");
    Files.writeString(tmp.resolve("put-123.part"), "half a model");
    Files.writeString(tmp.resolve("other"), "x");
    String kept = store.put(new ByteArrayInputStream(new byte[] {9}));

    new FileArtifactStore(root);

    assertThat(files("tmp")).isEmpty();
    assertThat(store.contains(kept)).isTrue();
  }

  @Test
  void failedReadLeavesNoObjectAndNoTemporaryFile() {
    InputStream failing =
        new InputStream() {
          private int n;

          @Override
          public int read() throws IOException {
            if (n++ > 1000) {
              throw new IOException("network gone");
            }
            return 7;
          }
        };
    assertThatThrownBy(() -> store.put(failing))
        .isInstanceOf(IOException.class)
        .hasMessage("network gone");
    assertThat(root.resolve("objects")).isEmptyDirectory();
    assertThat(root.resolve("tmp")).isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "..",
        "",
        "abc",
        "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
        "g000000000000000000000000000000000000000000000000000000000000000",
        "00000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000000/",
        "../../000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000000\n"
      })
  void pathOfRejectsAnythingButALowerCaseSha256(String bad) {
    assertThatThrownBy(() -> store.pathOf(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a lower-case hex SHA-256");
    assertThatThrownBy(() -> store.contains(bad)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.openVerified(bad)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pathOfStaysInsideTheStore() {
    Path p = store.pathOf("0".repeat(64));
    assertThat(p.normalize()).startsWithRaw(root.resolve("objects"));
  }

  @Test
  @Timeout(60)
  void concurrentPutsOfTheSameContentGiveOneIntactObject() throws Exception {
    byte[] bytes = randomBytes(256 * 1024, 5);
    String expected = sha256(bytes);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put(new ByteArrayInputStream(bytes));
                }));
      }
      start.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(files("objects")).containsExactly(store.pathOf(expected));
    assertThat(files("tmp")).isEmpty();
    try (InputStream in = store.openVerified(expected)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void workspaceKeepsItsArtifactsUnderStore(@TempDir Path wsDir) throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.open(wsDir, new TestClock(), () -> "ana")) {
      String hash = ws.artifacts().put(new ByteArrayInputStream(new byte[] {1}));
      assertThat(ws.artifacts().pathOf(hash)).startsWith(ws.dir().resolve("store/objects"));
    }
  }
}
