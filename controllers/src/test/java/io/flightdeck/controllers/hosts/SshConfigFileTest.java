package io.flightdeck.controllers.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.controllers.hosts.SshConfigFile.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigFileTest {
  private static final String FIXTURE =
      """
      # global settings apply to every host
      ServerAliveInterval 30

      Host gpu1 gpu1-alt
          HostName gpu1.lab.example
          User ana
          Port 2222
          IdentityFile ~/.ssh/id_ed25519
          IdentityFile ~/.ssh/id_rsa

      Host login
        hostname=login.hpc.example
        USER = bob

      Host edge-?? *.internal !bastion
        User edgeadmin

      Host "quoted box" plain
        HostName %h.vpn.example
        IdentityFile "%d/.ssh/keys/%h key"

      Match host foo exec "true"
        User nobody

      Host *
        User fallback
        Port 22
      """;

  @Test
  void offersEveryPlainAliasInOrderAndSkipsWildcards() {
    assertThat(SshConfigFile.parse(FIXTURE).stream().map(Entry::alias))
        .containsExactly("gpu1", "gpu1-alt", "login", "quoted box", "plain");
  }

  @Test
  void readsHostNamePortUserAndTheFirstIdentityFile() {
    Entry gpu1 = SshConfigFile.parse(FIXTURE).get(0);
    assertThat(gpu1)
        .isEqualTo(new Entry("gpu1", "gpu1.lab.example", "2222", "ana", "~/.ssh/id_ed25519"));
    assertThat(SshConfigFile.parse(FIXTURE).get(1).hostname()).isEqualTo("gpu1.lab.example");
  }

  @Test
  void keywordsIgnoreCaseAndAcceptEqualsSigns() {
    Entry login = SshConfigFile.parse(FIXTURE).get(2);
    assertThat(login.hostname()).isEqualTo("login.hpc.example");
    assertThat(login.user()).isEqualTo("bob");
  }

  @Test
  void laterWildcardBlocksFillOnlyWhatIsMissingAndMatchBlocksAreSkipped() {
    Entry login = SshConfigFile.parse(FIXTURE).get(2);
    assertThat(login.port()).isEqualTo("22");
    Entry plain = SshConfigFile.parse(FIXTURE).get(4);
    assertThat(plain.user()).isEqualTo("fallback");
  }

  @Test
  void expandsHostAndHomeTokensAndKeepsQuotedSpaces() {
    Entry plain = SshConfigFile.parse(FIXTURE).get(4);
    assertThat(plain.hostname()).isEqualTo("plain.vpn.example");
    assertThat(plain.identityFile()).isEqualTo("~/.ssh/keys/plain.vpn.example key");
  }

  @Test
  void anAliasWithoutHostNameConnectsToItself() {
    List<Entry> entries = SshConfigFile.parse("Host box\n  User me\n");
    assertThat(entries).containsExactly(new Entry("box", "box", "", "me", ""));
  }

  @Test
  void negatedPatternsExcludeAHost() {
    List<Entry> entries =
        SshConfigFile.parse("Host bastion\n  HostName b.example\nHost * !bastion\n  User other\n");
    assertThat(entries.get(0).user()).isEmpty();
  }

  @Test
  void aMissingFileHasNoEntries(@TempDir Path dir) throws Exception {
    assertThat(SshConfigFile.read(dir.resolve("config"))).isEmpty();
    Files.writeString(dir.resolve("config"), "Host a\r\n  Port 2200\r\n");
    assertThat(SshConfigFile.read(dir.resolve("config")))
        .containsExactly(new Entry("a", "a", "2200", "", ""));
  }

  @Test
  void emptyOrGarbageTextHasNoEntries() {
    assertThat(SshConfigFile.parse("")).isEmpty();
    assertThat(SshConfigFile.parse("Host\nUser\n=\n   \n")).isEmpty();
  }
}
