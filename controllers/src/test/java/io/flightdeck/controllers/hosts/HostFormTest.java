package io.flightdeck.controllers.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.hosts.AuthMethod;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.views.hosts.AuthChoice;
import io.flightdeck.views.hosts.HostFields;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostFormTest {
  private static HostFields fields(String name, String host, String port, AuthChoice auth) {
    return new HostFields(name, host, port, "ana", auth, "~/.ssh/id_ed25519", "2", "java");
  }

  @Test
  void aNewHostStartsWithTheDefaults() {
    HostFields f = HostForm.blank("ana");
    assertThat(f.port()).isEqualTo("22");
    assertThat(f.user()).isEqualTo("ana");
    assertThat(f.maxJobs()).isEqualTo("2");
    assertThat(f.java()).isEqualTo("java");
  }

  @Test
  void validFieldsMakeAHostWithTheKeyOnlyForKeyAuthentication() {
    HostForm.Check c =
        HostForm.check(
            fields("gpu1", "gpu1.lab", "2222", AuthChoice.KEY_FILE), Set.of(), Optional.empty());
    assertThat(c.problem()).isEmpty();
    HostConfig h = c.host().orElseThrow();
    assertThat(h.port()).isEqualTo(2222);
    assertThat(h.auth()).isEqualTo(AuthMethod.KEY);
    assertThat(h.keyFile()).isEqualTo("~/.ssh/id_ed25519");
    HostConfig agent =
        HostForm.check(
                fields("gpu1", "gpu1.lab", "22", AuthChoice.SSH_AGENT), Set.of(), Optional.empty())
            .host()
            .orElseThrow();
    assertThat(agent.keyFile()).isEmpty();
  }

  @Test
  void nothingTypedIsInvalidWithoutAMessage() {
    HostForm.Check c = HostForm.check(HostForm.blank("ana"), Set.of(), Optional.empty());
    assertThat(c.host()).isEmpty();
    assertThat(c.problem()).isEmpty();
  }

  @Test
  void problemsNameTheFieldAndWhatToDo() {
    assertThat(check("gpu1", "gpu1.lab", "ssh")).contains("Port 'ssh' is not a whole number");
    assertThat(check("gpu1", "gpu1.lab", "70000")).contains("Port 70000 is out of range");
    assertThat(check("local", "gpu1.lab", "22")).contains("'local' is the name of this machine");
    assertThat(check("gpu 1", "gpu1.lab", "22")).contains("not a usable host name");
    assertThat(check("gpu1", "", "22")).contains("is not a host name or address");
    HostFields noKey =
        new HostFields("gpu1", "h", "22", "ana", AuthChoice.KEY_FILE, " ", "2", "java");
    assertThat(HostForm.check(noKey, Set.of(), Optional.empty()).problem())
        .contains("needs a private key file");
  }

  @Test
  void aNewHostCannotTakeANameInUse() {
    HostForm.Check c =
        HostForm.check(
            fields("gpu1", "h", "22", AuthChoice.SSH_AGENT), Set.of("gpu1"), Optional.empty());
    assertThat(c.host()).isEmpty();
    assertThat(c.problem()).contains("exists already");
  }

  @Test
  void anImportFillsTheAddressAndSwitchesToTheKeyFile() {
    SshConfigFile.Entry e =
        new SshConfigFile.Entry("gpu@lab", "gpu1.lab", "", "", "~/.ssh/lab_key");
    HostFields f = HostForm.imported(e, HostForm.blank("ana"));
    assertThat(f.name()).isEqualTo("gpu-lab");
    assertThat(f.hostname()).isEqualTo("gpu1.lab");
    assertThat(f.port()).isEqualTo("22");
    assertThat(f.user()).isEqualTo("ana");
    assertThat(f.auth()).isEqualTo(AuthChoice.KEY_FILE);
    assertThat(f.keyFile()).isEqualTo("~/.ssh/lab_key");
    HostFields noKey = HostForm.imported(new SshConfigFile.Entry("b", "b", "2200", "bob", ""), f);
    assertThat(noKey.auth()).isEqualTo(AuthChoice.SSH_AGENT);
    assertThat(noKey.user()).isEqualTo("bob");
    assertThat(noKey.port()).isEqualTo("2200");
  }

  @Test
  void aStoredHostRoundTripsThroughTheFields() {
    HostConfig h = HostConfig.of("gpu1", "gpu1.lab", "ana").withPort(2222).withMaxJobs(4);
    HostFields f = HostForm.of(h);
    assertThat(HostForm.check(f, Set.of(), Optional.of(h)).host()).contains(h);
  }

  @Test
  void rowsAndStatusLinesReadPlainly() {
    HostConfig h = HostConfig.of("gpu1", "gpu1.lab", "ana").withKey("~/.ssh/k");
    assertThat(HostRows.row(h, ""))
        .extracting(r -> r.address(), r -> r.auth())
        .containsExactly("ana@gpu1.lab:22", "key ~/.ssh/k");
    HostFacts facts =
        new HostFacts(
            "Linux 6.1",
            "x86_64",
            8,
            16L << 30,
            8L << 30,
            100L << 30,
            "17.0.9",
            17,
            List.of(),
            "",
            "",
            120);
    assertThat(HostRows.tested(facts, "not installed"))
        .isEqualTo("reachable (120 ms), Java 17; not installed");
    assertThat(HostRows.details(facts, "not installed"))
        .startsWith("OS: Linux 6.1\n")
        .endsWith("\n\nAgent status: not installed");
    assertThat(HostRows.checkCommand("ssh-ed25519"))
        .isEqualTo("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub");
    assertThat(HostRows.checkCommand("ecdsa-sha2-nistp256")).contains("ssh_host_ecdsa_key");
    assertThat(HostRows.checkCommand("rsa-sha2-512")).contains("ssh_host_rsa_key");
  }

  private static String check(String name, String host, String port) {
    return HostForm.check(
            fields(name, host, port, AuthChoice.SSH_AGENT), Set.of(), Optional.empty())
        .problem();
  }
}
