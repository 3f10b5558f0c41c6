package io.flightdeck.store.dataset;

import static io.flightdeck.store.jooq.Tables.DATASET;
import static io.flightdeck.store.jooq.Tables.DATASET_CONTRACT;
import static io.flightdeck.store.jooq.Tables.DATASET_OVERRIDE;
import static io.flightdeck.store.jooq.Tables.DATASET_VALIDATION;
import static io.flightdeck.store.jooq.Tables.DATASET_VERSION;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetRepository;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.Lineage;
import io.flightdeck.core.dataset.NewVersion;
import io.flightdeck.core.dataset.ValidationStatus;
import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.core.dataset.contract.ValidationReport;
import io.flightdeck.core.error.FlightdeckException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Dataset metadata in the workspace's H2 database (tables of migration V2). Every write is one
 * transaction; rows are only inserted. Thread-safe (the connection pool and H2's row locks
 * serialise writers; version numbers are taken under a row lock on the dataset).
 */
public final class JooqDatasetRepository implements DatasetRepository {
  private static final TypeReference<List<ColumnSpec>> SCHEMA = new TypeReference<>() {};
  private static final TypeReference<List<ColumnProfile>> PROFILES = new TypeReference<>() {};
  private static final TypeReference<List<Long>> LINES = new TypeReference<>() {};

  private final DSLContext db;

  /**
   * @param db the workspace database, migrated to V2 or later
   */
  public JooqDatasetRepository(DSLContext db) {
    this.db = db;
  }

  @Override
  public DatasetVersionInfo addVersion(NewVersion v) {
    Lineage l = v.lineage();
    int number =
        db.transactionResult(
            cfg -> {
              DSLContext tx = DSL.using(cfg);
              Integer last =
                  tx.select(DATASET.LAST_VERSION)
                      .from(DATASET)
                      .where(DATASET.NAME.eq(v.dataset()))
                      .forUpdate()
                      .fetchOne(DATASET.LAST_VERSION);
              int next = last == null ? 1 : last + 1;
              if (last == null) {
                tx.insertInto(DATASET)
                    .set(DATASET.NAME, v.dataset())
                    .set(DATASET.CREATED_MS, l.importedAt().toEpochMilli())
                    .set(DATASET.CREATED_BY, l.importedBy())
                    .set(DATASET.LAST_VERSION, next)
                    .execute();
              } else {
                tx.update(DATASET)
                    .set(DATASET.LAST_VERSION, next)
                    .where(DATASET.NAME.eq(v.dataset()))
                    .execute();
              }
              tx.insertInto(DATASET_VERSION)
                  .set(DATASET_VERSION.DATASET, v.dataset())
                  .set(DATASET_VERSION.VERSION, next)
                  .set(DATASET_VERSION.CREATED_MS, l.importedAt().toEpochMilli())
                  .set(DATASET_VERSION.CREATED_BY, l.importedBy())
                  .set(DATASET_VERSION.SOURCE_PATH, truncate(l.sourcePath(), 4000))
                  .set(DATASET_VERSION.SOURCE_SIZE, l.sourceSize())
                  .set(DATASET_VERSION.SOURCE_MTIME_MS, l.sourceModified().toEpochMilli())
                  .set(DATASET_VERSION.SOURCE_SHA256, l.sourceSha256())
                  .set(DATASET_VERSION.DATA_SHA256, v.dataSha256())
                  .set(DATASET_VERSION.DATA_SIZE, v.dataSize())
                  .set(DATASET_VERSION.ROW_COUNT, l.rows())
                  .set(DATASET_VERSION.COLUMN_COUNT, l.columns())
                  .set(DATASET_VERSION.SKIPPED_ROWS, l.skippedRows())
                  .set(DATASET_VERSION.SKIPPED_LINES, StoreJson.write(v.skippedLines()))
                  .set(DATASET_VERSION.DIALECT, StoreJson.write(l.dialect()))
                  .set(DATASET_VERSION.SCHEMA_JSON, StoreJson.write(v.schema()))
                  .set(DATASET_VERSION.PROFILES_JSON, StoreJson.write(v.profiles()))
                  .execute();
              return next;
            });
    return find(new DatasetRef(v.dataset(), number)).orElseThrow();
  }

  @Override
  public List<DatasetSummary> list() {
    Map<String, List<DatasetVersionInfo>> byName = new HashMap<>();
    for (DatasetVersionInfo v : query(DSL.noCondition())) {
      byName.computeIfAbsent(v.ref().name(), k -> new ArrayList<>()).add(v);
    }
    Map<String, Boolean> contracts = new HashMap<>();
    db.selectDistinct(DATASET_CONTRACT.DATASET)
        .from(DATASET_CONTRACT)
        .forEach(r -> contracts.put(r.value1(), true));
    List<DatasetSummary> out = new ArrayList<>();
    db.selectFrom(DATASET)
        .orderBy(DATASET.NAME)
        .forEach(
            d -> {
              List<DatasetVersionInfo> vs = byName.getOrDefault(d.getName(), List.of());
              if (!vs.isEmpty()) {
                out.add(
                    new DatasetSummary(
                        d.getName(),
                        vs.size(),
                        vs.get(vs.size() - 1),
                        Instant.ofEpochMilli(d.getCreatedMs()),
                        contracts.containsKey(d.getName())));
              }
            });
    return out;
  }

  @Override
  public List<DatasetVersionInfo> versions(String dataset) {
    return query(DATASET_VERSION.DATASET.eq(dataset));
  }

  @Override
  public Optional<DatasetVersionInfo> find(DatasetRef ref) {
    return query(
            DATASET_VERSION.DATASET.eq(ref.name()).and(DATASET_VERSION.VERSION.eq(ref.version())))
        .stream()
        .findFirst();
  }

  @Override
  public List<ColumnProfile> profiles(DatasetRef ref) {
    return db.select(DATASET_VERSION.PROFILES_JSON)
        .from(DATASET_VERSION)
        .where(
            DATASET_VERSION.DATASET.eq(ref.name()).and(DATASET_VERSION.VERSION.eq(ref.version())))
        .fetchOptional(DATASET_VERSION.PROFILES_JSON)
        .map(json -> StoreJson.read(json, PROFILES))
        .orElse(List.of());
  }

  @Override
  public Optional<SchemaContract> contract(String dataset) {
    return db.select(DATASET_CONTRACT.CONTRACT)
        .from(DATASET_CONTRACT)
        .where(DATASET_CONTRACT.DATASET.eq(dataset))
        .orderBy(DATASET_CONTRACT.ID.desc())
        .limit(1)
        .fetchOptional(DATASET_CONTRACT.CONTRACT)
        .map(SchemaContract::fromJson);
  }

  @Override
  public void saveContract(SchemaContract contract, String who, Instant when) {
    db.transaction(
        cfg -> {
          DSLContext tx = DSL.using(cfg);
          if (!tx.fetchExists(DATASET, DATASET.NAME.eq(contract.dataset()))) {
            throw new FlightdeckException(
                "There is no dataset " + contract.dataset() + " to save a contract for.",
                "Import a version first.");
          }
          tx.insertInto(DATASET_CONTRACT)
              .set(DATASET_CONTRACT.DATASET, contract.dataset())
              .set(DATASET_CONTRACT.SAVED_MS, when.toEpochMilli())
              .set(DATASET_CONTRACT.SAVED_BY, who)
              .set(DATASET_CONTRACT.CONTRACT, contract.toJson())
              .execute();
        });
  }

  @Override
  public void saveValidation(DatasetRef ref, ValidationReport report) {
    db.insertInto(DATASET_VALIDATION)
        .set(DATASET_VALIDATION.DATASET, ref.name())
        .set(DATASET_VALIDATION.VERSION, ref.version())
        .set(DATASET_VALIDATION.AT_MS, report.at().toEpochMilli())
        .set(DATASET_VALIDATION.PASSED, report.passed())
        .set(DATASET_VALIDATION.ERRORS, (int) report.errors())
        .set(DATASET_VALIDATION.WARNINGS, (int) report.warnings())
        .set(DATASET_VALIDATION.REPORT, StoreJson.write(report))
        .execute();
  }

  @Override
  public Optional<ValidationReport> lastValidation(DatasetRef ref) {
    return db.select(DATASET_VALIDATION.REPORT)
        .from(DATASET_VALIDATION)
        .where(
            DATASET_VALIDATION
                .DATASET
                .eq(ref.name())
                .and(DATASET_VALIDATION.VERSION.eq(ref.version())))
        .orderBy(DATASET_VALIDATION.ID.desc())
        .limit(1)
        .fetchOptional(DATASET_VALIDATION.REPORT)
        .map(json -> StoreJson.read(json, ValidationReport.class));
  }

  @Override
  public void saveOverride(DatasetRef ref, String reason, String who, Instant when) {
    db.transaction(
        cfg -> {
          DSLContext tx = DSL.using(cfg);
          Long validation =
              tx.select(DATASET_VALIDATION.ID)
                  .from(DATASET_VALIDATION)
                  .where(versionOf(DATASET_VALIDATION.DATASET, DATASET_VALIDATION.VERSION, ref))
                  .orderBy(DATASET_VALIDATION.ID.desc())
                  .limit(1)
                  .fetchOne(DATASET_VALIDATION.ID);
          if (validation == null) {
            throw new FlightdeckException(
                ref + " has never been validated: there is nothing to override.", "");
          }
          tx.insertInto(DATASET_OVERRIDE)
              .set(DATASET_OVERRIDE.DATASET, ref.name())
              .set(DATASET_OVERRIDE.VERSION, ref.version())
              .set(DATASET_OVERRIDE.VALIDATION_ID, validation)
              .set(DATASET_OVERRIDE.AT_MS, when.toEpochMilli())
              .set(DATASET_OVERRIDE.BY_USER, who)
              .set(DATASET_OVERRIDE.REASON, truncate(reason, 4000))
              .execute();
        });
  }

  private static Condition versionOf(
      Field<String> dataset, Field<Integer> version, DatasetRef ref) {
    return dataset.eq(ref.name()).and(version.eq(ref.version()));
  }

  /** Versions matching a condition, with their newest validation and its override, in order. */
  private List<DatasetVersionInfo> query(Condition where) {
    var v = DATASET_VERSION;
    var val = DATASET_VALIDATION.as("VAL");
    Field<Long> lastValidation =
        DSL.select(DSL.max(val.ID))
            .from(val)
            .where(val.DATASET.eq(v.DATASET).and(val.VERSION.eq(v.VERSION)))
            .asField("LAST_VALIDATION");
    List<? extends Record> rows =
        db.select(
                v.DATASET,
                v.VERSION,
                v.CREATED_MS,
                v.CREATED_BY,
                v.SOURCE_PATH,
                v.SOURCE_SIZE,
                v.SOURCE_MTIME_MS,
                v.SOURCE_SHA256,
                v.DATA_SHA256,
                v.DATA_SIZE,
                v.ROW_COUNT,
                v.COLUMN_COUNT,
                v.SKIPPED_ROWS,
                v.DIALECT,
                v.SCHEMA_JSON,
                lastValidation)
            .from(v)
            .where(where)
            .orderBy(v.DATASET, v.VERSION)
            .fetch();
    Map<Long, Boolean> passed = new HashMap<>();
    Map<Long, String> overrides = new HashMap<>();
    List<Long> ids =
        rows.stream().map(r -> r.get(lastValidation)).filter(id -> id != null).toList();
    if (!ids.isEmpty()) {
      db.select(DATASET_VALIDATION.ID, DATASET_VALIDATION.PASSED)
          .from(DATASET_VALIDATION)
          .where(DATASET_VALIDATION.ID.in(ids))
          .forEach(r -> passed.put(r.value1(), r.value2()));
      db.select(DATASET_OVERRIDE.VALIDATION_ID, DATASET_OVERRIDE.REASON)
          .from(DATASET_OVERRIDE)
          .where(DATASET_OVERRIDE.VALIDATION_ID.in(ids))
          .orderBy(DATASET_OVERRIDE.ID)
          .forEach(r -> overrides.put(r.value1(), r.value2()));
    }
    List<DatasetVersionInfo> out = new ArrayList<>(rows.size());
    for (Record r : rows) {
      Long id = r.get(lastValidation);
      ValidationStatus status =
          id == null
              ? ValidationStatus.NOT_VALIDATED
              : passed.get(id) ? ValidationStatus.PASSED : ValidationStatus.FAILED;
      Lineage lineage =
          new Lineage(
              r.get(v.SOURCE_PATH),
              r.get(v.SOURCE_SIZE),
              Instant.ofEpochMilli(r.get(v.SOURCE_MTIME_MS)),
              r.get(v.SOURCE_SHA256),
              r.get(v.CREATED_BY),
              Instant.ofEpochMilli(r.get(v.CREATED_MS)),
              r.get(v.ROW_COUNT),
              r.get(v.COLUMN_COUNT),
              r.get(v.SKIPPED_ROWS),
              StoreJson.read(r.get(v.DIALECT), CsvDialect.class));
      out.add(
          new DatasetVersionInfo(
              new DatasetRef(r.get(v.DATASET), r.get(v.VERSION)),
              lineage,
              StoreJson.read(r.get(v.SCHEMA_JSON), SCHEMA),
              r.get(v.DATA_SHA256),
              r.get(v.DATA_SIZE),
              status,
              status == ValidationStatus.FAILED
                  ? Optional.ofNullable(overrides.get(id))
                  : Optional.empty()));
    }
    return out;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
