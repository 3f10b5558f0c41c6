package io.flightdeck.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentCodecTest {
  @Test
  void theStreamingReaderGivesTheSameEventsAsTheGenericOne() {
    Map<String, Object> f1 = new LinkedHashMap<>();
    f1.put("key", "train/loss");
    f1.put("value", 0.25);
    f1.put("step", 7L);
    Map<String, Object> f2 = new LinkedHashMap<>();
    f2.put("key", "m");
    f2.put("value", Double.NaN);
    f2.put("step", 3_000_000_000L);
    Map<String, Object> f3 = new LinkedHashMap<>();
    f3.put("stream", "stdout");
    f3.put("text", "héllo \"quoted\" \\ back");
    f3.put("flag", true);
    for (AgentEvent e :
        List.of(
            new AgentEvent("j1", 1, 1700000000000L, "metric", f1),
            new AgentEvent("j1", 2, 0, "metric", f2),
            new AgentEvent("j2", 99, 5, "log", f3))) {
      String line = AgentCodec.eventLine(e);
      AgentEvent fast = AgentCodec.readEvent(line);
      assertThat(fast).isEqualTo(AgentCodec.event(AgentCodec.read(line)));
      assertThat(fast.seq()).isEqualTo(e.seq());
      assertThat(fast.job()).isEqualTo(e.job());
    }
  }

  @Test
  void nestedValuesAndOtherMessagesAreLeftToTheGenericReader() {
    assertThat(
            AgentCodec.readEvent(
                "{\"job\":\"j\",\"kind\":\"x\",\"seq\":1,\"type\":\"event\",\"m\":{\"a\":1}}"))
        .isNull();
    assertThat(AgentCodec.readEvent("{\"type\":\"reply\",\"id\":\"1\",\"ok\":true}")).isNull();
    assertThatThrownBy(() -> AgentCodec.readEvent("{\"type\":\"event\","))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgentCodec.readEvent("{} {}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
