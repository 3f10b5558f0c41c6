package io.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.json.Json;
import io.flightdeck.runners.ssh.Sshd;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote hosts from the command line against a real OpenSSH server on 127.0.0.1: add by
 * fingerprint, test, install the agent, train and run there, sweep, register the remote run's
 * model, remove.
 */
class HostsCommandsTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--workspace";
    all[1] = tmp.resolve("ws").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        FlightdeckCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    return new Result(code, out.toString(), err.toString());
  }

  private Result ok(String... args) {
    Result r = run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isZero();
    return r;
  }

  @Test
  void addTestInstallTrainRunSweepRegisterRemove() throws Exception {
    try (Sshd sshd = Sshd.start(tmp.resolve("sshd"))) {
      String port = Integer.toString(sshd.port());
      String key = sshd.clientKey().toString();
      String[] add = {
        "hosts",
        "add",
        "box",
        "--host",
        "127.0.0.1",
        "--port",
        port,
        "--user",
        Sshd.user(),
        "--key",
        key
      };
      Result shown = run(add);
      assertThat(shown.code()).isEqualTo(1);
      assertThat(shown.err())
          .contains("offers ssh-ed25519 " + sshd.fingerprint())
          .contains("Nothing was stored")
          .contains("--accept-fingerprint " + sshd.fingerprint());
      assertThat(ok("hosts", "list").out()).contains("No hosts yet");

      Result wrong =
          run(
              concat(
                  add,
                  "--accept-fingerprint",
                  "SHA256:wrongwrongwrongwrongwrongwrongwrongwrongwro"));
      assertThat(wrong.code()).isEqualTo(1);
      assertThat(wrong.err()).contains("not the expected");
      assertThat(ok("hosts", "list").out()).contains("No hosts yet");

      assertThat(ok(concat(add, "--accept-fingerprint", sshd.fingerprint())).out())
          .contains("Added host box");
      JsonNode hosts = Json.mapper().readTree(ok("hosts", "list", "--json").out());
      assertThat(hosts.get(0).get("name").asText()).isEqualTo("box");
      assertThat(hosts.get(0).get("port").asInt()).isEqualTo(sshd.port());

      Result test = ok("hosts", "test", "box");
      assertThat(test.out())
          .contains("OS: Linux")
          .contains("Java: ")
          .contains("Agent: not installed");

      Result status = run("agents", "status", "box");
      assertThat(status.code()).isEqualTo(3);
      assertThat(status.out()).contains("not installed");
      assertThat(ok("agents", "install", "box").out())
          .contains("uploaded the agent")
          .contains("installed on box");
      assertThat(ok("agents", "status", "box").out()).contains("current");

      ok("datasets", "sample");
      Result train =
          ok(
              "train",
              "--dataset",
              "seattle-weather:1",
              "--target",
              "weather",
              "--param",
              "epochs=3",
              "--experiment",
              "remote",
              "--host",
              "box");
      assertThat(train.out()).contains("on box").contains("ended FINISHED");
      String runId =
          Json.mapper().readTree(ok("runs", "list", "--json").out()).get(0).get("runId").asText();
      Result reg = ok("models", "register", runId, "--name", "remote-weather");
      assertThat(reg.out()).contains("Registered remote-weather:1");

      Path work = Files.createDirectories(tmp.resolve("work"));
      Files.writeString(
          work.resolve("job.sh"),
          "mkdir -p out; echo '##flightdeck metric acc 0.9 1'; echo hi > out/hello.txt\n");
      Result cmd =
          ok(
              "run",
              "--host",
              "box",
              "--workdir",
              work.toString(),
              "--upload",
              "job.sh",
              "--output",
              "out",
              "--experiment",
              "remote",
              "--",
              "sh",
              "job.sh");
      assertThat(cmd.out()).contains("ended FINISHED").contains("acc = 0.9");

      Result sweep =
          ok(
              "sweep",
              "--dataset",
              "seattle-weather:1",
              "--target",
              "weather",
              "--grid",
              "epochs=2,3",
              "--hosts",
              "box,local",
              "--name",
              "s1",
              "--experiment",
              "remote");
      assertThat(sweep.out()).contains("Sweep s1: 2 of 2 succeeded.");

      // the same server under a ~/.ssh/config alias
      Path sshConfig = tmp.resolve("ssh_config");
      Files.writeString(
          sshConfig,
          "Host lab\n  HostName 127.0.0.1\n  Port "
              + port
              + "\n  User "
              + Sshd.user()
              + "\n  IdentityFile "
              + key
              + "\n");
      Result alias =
          ok(
              "hosts",
              "add",
              "lab",
              "--ssh-config",
              "lab",
              "--ssh-config-file",
              sshConfig.toString(),
              "--accept-fingerprint",
              sshd.fingerprint());
      assertThat(alias.out())
          .contains("Added host lab (" + Sshd.user() + "@127.0.0.1:" + port + ", KEY)");
      Result noAlias =
          run(
              "hosts",
              "add",
              "x",
              "--ssh-config",
              "nope",
              "--ssh-config-file",
              sshConfig.toString());
      assertThat(noAlias.err()).contains("There is no Host 'nope'").contains("Aliases there: lab");

      Result busy = ok("hosts", "remove", "box");
      assertThat(busy.out()).contains("Removed host box");
      Result gone =
          run("train", "--dataset", "seattle-weather:1", "--target", "weather", "--host", "box");
      assertThat(gone.code()).isEqualTo(1);
      assertThat(gone.err()).contains("There is no host named 'box'");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
