package io.flightdeck.core.dataset.profile;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.stats.CategoricalProfile;
import io.flightdeck.core.stats.CategoricalProfiler;
import io.flightdeck.core.stats.ProfilerLimits;

/**
 * A categorical, text or boolean column profiled by {@link CategoricalProfiler}. Not thread-safe.
 */
final class CategoricalAdapter implements ColumnProfiler {
  private final CategoricalProfiler profiler;

  CategoricalAdapter(ProfilerLimits limits) {
    this.profiler = new CategoricalProfiler(limits);
  }

  @Override
  public void missing() {
    profiler.accept(null);
  }

  @Override
  public void number(double v) {
    throw new IllegalStateException("A string column got a number");
  }

  @Override
  public void string(String v) {
    profiler.accept(v);
  }

  @Override
  public ColumnProfile finish(String column, ColumnType type, long rows) {
    CategoricalProfile p = profiler.profile();
    return new ColumnProfile(
        column,
        type,
        rows,
        p.missing(),
        0,
        0,
        p.distinct(),
        p.distinctExact(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        p.top().stream().map(c -> new ColumnProfile.CategoryCount(c.value(), c.count())).toList());
  }
}
