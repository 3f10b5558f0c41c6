package io.flightdeck.runners.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.hosts.AuthMethod;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in with the keys of a real ssh-agent (OpenSSH's), against a real sshd. */
class SshAgentAuthTest {
  @TempDir Path dir;

  @Test
  void theAgentSignsTheLoginAndAnEmptyOrMissingAgentSaysWhatToDo() throws Exception {
    Path sock = dir.resolve("agent.sock");
    Process agent =
        new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("agent.log").toFile())
            .start();
    try (Sshd sshd = Sshd.start(dir.resolve("sshd"))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!Files.exists(sock) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      KnownHosts kh = new KnownHosts(dir.resolve("known_hosts"), Optional.empty());
      HostConfig h =
          HostConfig.of("box", "127.0.0.1", Sshd.user())
              .withPort(sshd.port())
              .withAuth(AuthMethod.AGENT);
      SshClients clients = new SshClients(kh, Credentials.NONE, Optional.of(sock));
      kh.accept("127.0.0.1", sshd.port(), clients.offeredKey(h).orElseThrow().key());

      assertThatThrownBy(() -> clients.open(h)).hasMessageContaining("holds no keys");

      ProcessBuilder add = new ProcessBuilder("ssh-add", sshd.clientKey().toString());
      add.environment().put("SSH_AUTH_SOCK", sock.toString());
      Process p = add.redirectErrorStream(true).start();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();

      try (RemoteHost r = new RemoteHost(h, clients.open(h))) {
        assertThat(r.exec("echo agent-ok", Duration.ofSeconds(20)).out().trim())
            .isEqualTo("agent-ok");
      }

      SshClients noAgent = new SshClients(kh, Credentials.NONE, Optional.empty());
      assertThatThrownBy(() -> noAgent.open(h))
          .hasMessageContaining("No ssh-agent is running")
          .hasMessageContaining("SSH_AUTH_SOCK is not set");
    } finally {
      agent.destroy();
    }
  }
}
