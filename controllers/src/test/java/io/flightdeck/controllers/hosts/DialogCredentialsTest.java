package io.flightdeck.controllers.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.hosts.HostConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caller blocks until the "UI thread" answers; a stand-in thread plays the FX thread. */
class DialogCredentialsTest {
  private final ExecutorService ui = Executors.newSingleThreadExecutor();
  private final ExecutorService caller = Executors.newSingleThreadExecutor();
  private final List<DialogCredentials.Question> asked = new CopyOnWriteArrayList<>();
  private final HostConfig host = HostConfig.of("gpu1", "gpu1.lab", "ana").withKey("~/.ssh/k");

  @AfterEach
  void stop() {
    ui.shutdownNow();
    caller.shutdownNow();
  }

  private DialogCredentials answering(char[] answer) {
    return new DialogCredentials(
        ui::execute,
        () -> false,
        (q, reply) -> {
          asked.add(q);
          reply.accept(answer);
        });
  }

  @Test
  void asksForThePassphraseNamingTheKeyAndReturnsTheAnswer() throws Exception {
    char[] got =
        caller
            .submit(() -> answering("s3cret".toCharArray()).passphrase(host, "~/.ssh/k", 1))
            .get(10, TimeUnit.SECONDS);
    assertThat(got).containsExactly("s3cret".toCharArray());
    assertThat(asked.get(0).prompt()).contains("~/.ssh/k").contains("gpu1");
    assertThat(asked.get(0).problem()).isEmpty();
  }

  @Test
  void aSecondAttemptSaysTheFirstWasWrong() throws Exception {
    caller.submit(() -> answering("x".toCharArray()).password(host, 2)).get(10, TimeUnit.SECONDS);
    assertThat(asked.get(0).prompt()).contains("ana@gpu1.lab:22");
    assertThat(asked.get(0).problem()).startsWith("Wrong password, try again");
  }

  @Test
  void cancelIsNull() throws Exception {
    assertThat(caller.submit(() -> answering(null).password(host, 1)).get(10, TimeUnit.SECONDS))
        .isNull();
  }

  @Test
  void theCallerWaitsForTheAnswerAndAnInterruptDeclines() throws Exception {
    AtomicReference<Consumer<char[]>> pending = new AtomicReference<>();
    CountDownLatch shown = new CountDownLatch(1);
    DialogCredentials c =
        new DialogCredentials(
            ui::execute,
            () -> false,
            (q, reply) -> {
              pending.set(reply);
              shown.countDown();
            });
    CountDownLatch returned = new CountDownLatch(1);
    AtomicReference<char[]> result = new AtomicReference<>("unset".toCharArray());
    Future<?> answer =
        caller.submit(
            () -> {
              result.set(c.password(host, 1));
              returned.countDown();
            });
    assertThat(shown.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(answer.isDone()).isFalse();
    answer.cancel(true);
    assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(result.get()).isNull();
    char[] late = "late".toCharArray();
    pending.get().accept(late);
    assertThat(late).containsOnly('\0');
  }

  @Test
  void refusesToBlockTheUiThread() {
    DialogCredentials c =
        new DialogCredentials(Runnable::run, () -> true, (q, r) -> r.accept(null));
    assertThatThrownBy(() -> c.password(host, 1)).isInstanceOf(IllegalStateException.class);
  }
}
