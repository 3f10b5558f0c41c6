package io.flightdeck.core.task;

import static io.flightdeck.core.task.TaskState.CANCELLED;
import static io.flightdeck.core.task.TaskState.FAILED;
import static io.flightdeck.core.task.TaskState.PENDING;
import static io.flightdeck.core.task.TaskState.RUNNING;
import static io.flightdeck.core.task.TaskState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StateMachineTest {
  private static final Set<List<TaskState>> LEGAL =
      Set.of(
          List.of(PENDING, RUNNING),
          List.of(PENDING, CANCELLED),
          List.of(RUNNING, SUCCEEDED),
          List.of(RUNNING, FAILED),
          List.of(RUNNING, CANCELLED));

  static Stream<Arguments> allMoves() {
    return Stream.of(TaskState.values())
        .flatMap(from -> Stream.of(TaskState.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("allMoves")
  void taskStateAllowsExactlyTheDocumentedMoves(TaskState from, TaskState to) {
    assertThat(from.next().contains(to)).isEqualTo(LEGAL.contains(List.of(from, to)));
  }

  @ParameterizedTest
  @EnumSource(TaskState.class)
  void terminalStatesAreThoseWithoutSuccessors(TaskState s) {
    assertThat(s.isTerminal()).isEqualTo(EnumSet.of(SUCCEEDED, FAILED, CANCELLED).contains(s));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("allMoves")
  void machineAppliesLegalMovesAndRejectsIllegalOnes(TaskState from, TaskState to) {
    StateMachine<TaskState> m = new StateMachine<>(from, TaskState::next);
    if (LEGAL.contains(List.of(from, to))) {
      assertThat(m.transition(from, to)).isTrue();
      assertThat(m.current()).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> m.transition(from, to))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Illegal state change " + from + " -> " + to);
      assertThat(m.current()).isEqualTo(from);
    }
  }

  @Test
  void walksAFullLife() {
    StateMachine<TaskState> m = new StateMachine<>(PENDING, TaskState::next);
    assertThat(m.current()).isEqualTo(PENDING);
    assertThat(m.transition(PENDING, RUNNING)).isTrue();
    assertThat(m.transition(RUNNING, SUCCEEDED)).isTrue();
    assertThat(m.current()).isEqualTo(SUCCEEDED);
    assertThat(m.current().isTerminal()).isTrue();
  }

  @Test
  void compareAndSetFailsWhenAnotherMoveCameFirst() {
    StateMachine<TaskState> m = new StateMachine<>(PENDING, TaskState::next);
    assertThat(m.transition(PENDING, CANCELLED)).isTrue();
    // A worker that still believes the task is pending must not start it.
    assertThat(m.transition(PENDING, RUNNING)).isFalse();
    assertThat(m.current()).isEqualTo(CANCELLED);
  }

  @Test
  void legalMoveFromAStaleStateDoesNothing() {
    StateMachine<TaskState> m = new StateMachine<>(PENDING, TaskState::next);
    assertThat(m.transition(RUNNING, FAILED)).isFalse();
    assertThat(m.current()).isEqualTo(PENDING);
  }

  @Test
  void illegalMoveIsRejectedEvenWhenExpectedIsNotCurrent() {
    StateMachine<TaskState> m = new StateMachine<>(RUNNING, TaskState::next);
    assertThatThrownBy(() -> m.transition(SUCCEEDED, RUNNING))
        .isInstanceOf(IllegalStateException.class);
    assertThat(m.current()).isEqualTo(RUNNING);
  }

  @Test
  void worksForAnyStateType() {
    StateMachine<String> m =
        new StateMachine<>("closed", s -> s.equals("closed") ? Set.of("open") : Set.of("closed"));
    assertThat(m.transition("closed", "open")).isTrue();
    assertThat(m.transition("open", "closed")).isTrue();
    assertThatThrownBy(() -> m.transition("closed", "closed"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @Timeout(30)
  void exactlyOneOfManyRacingThreadsWins() throws Exception {
    int threads = 8;
    for (int round = 0; round < 50; round++) {
      StateMachine<TaskState> m = new StateMachine<>(PENDING, TaskState::next);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          TaskState target = i % 2 == 0 ? RUNNING : CANCELLED;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return m.transition(PENDING, target);
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
          winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).isOne();
        assertThat(m.current()).isIn(RUNNING, CANCELLED);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
