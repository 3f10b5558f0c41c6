package io.flightdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.agent.AgentEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
  @Test
  void writesWhatTheCodecWritesAndReads() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", "train/loss");
    f.put("value", 0.1 + 0.2);
    f.put("step", 7L);
    f.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 unicode é ✓");
    f.put("nan", AgentCodec.jsonDouble(Double.NaN));
    f.put("inf", Double.NEGATIVE_INFINITY);
    f.put("size", 12);
    f.put("flag", true);
    String job = "0123456789abcdef0123456789abcdef";

    String line = new EventEncoder().line(job, 42, 1764265000000L, "metric", f);

    Map<String, Object> expected = new LinkedHashMap<>(f);
    expected.put("inf", "-Infinity");
    AgentEvent codec = new AgentEvent(job, 42, 1764265000000L, "metric", expected);
    assertThat(line).isEqualTo(AgentCodec.eventLine(codec));
    assertThat(AgentCodec.event(AgentCodec.read(line)))
        .isEqualTo(AgentCodec.event(AgentCodec.read(AgentCodec.eventLine(codec))));
  }
}
