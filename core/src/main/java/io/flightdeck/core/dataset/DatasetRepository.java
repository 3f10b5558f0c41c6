package io.flightdeck.core.dataset;

import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.core.dataset.contract.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where dataset metadata lives (the workspace database): datasets, their numbered versions with
 * lineage, schema and profiles, contracts, validations and overrides. Rows are only ever added: a
 * version never changes once stored, and its validation status is the newest validation recorded.
 *
 * <p>Threading: implementations are thread-safe; every method blocks on storage I/O and must not be
 * called on the UI thread. Errors: {@link io.flightdeck.core.error.FlightdeckException} naming the
 * dataset when the store cannot be read or written.
 */
public interface DatasetRepository {
  /**
   * Stores a new version in one transaction, creating the dataset with its first version. The
   * number is the dataset's last number plus one; numbers are never reused.
   *
   * @return the stored version with its number
   */
  DatasetVersionInfo addVersion(NewVersion version);

  /** Every dataset with its newest version, by name. */
  List<DatasetSummary> list();

  /** A dataset's versions, oldest first; empty when the dataset does not exist. */
  List<DatasetVersionInfo> versions(String dataset);

  /** One version, if it exists. */
  Optional<DatasetVersionInfo> find(DatasetRef ref);

  /** A version's column profiles, in column order (empty when it does not exist). */
  List<ColumnProfile> profiles(DatasetRef ref);

  /** The newest saved contract of a dataset. */
  Optional<SchemaContract> contract(String dataset);

  /**
   * Saves a contract as the dataset's current one (older ones are kept as history).
   *
   * @throws io.flightdeck.core.error.FlightdeckException when the dataset does not exist
   */
  void saveContract(SchemaContract contract, String who, Instant when);

  /** Records a validation; the version's status becomes its outcome. */
  void saveValidation(DatasetRef ref, ValidationReport report);

  /** The newest validation of a version. */
  Optional<ValidationReport> lastValidation(DatasetRef ref);

  /** Records that a failed version may be used anyway, and why. */
  void saveOverride(DatasetRef ref, String reason, String who, Instant when);
}
