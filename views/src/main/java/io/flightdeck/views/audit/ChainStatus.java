package io.flightdeck.views.audit;

/** What the audit view knows about the chain's integrity. */
public enum ChainStatus {
  UNKNOWN,
  CHECKING,
  VALID,
  BROKEN
}
