package io.flightdeck.store.registry;

import static io.flightdeck.store.jooq.Tables.ALIAS_HISTORY;
import static io.flightdeck.store.jooq.Tables.APPROVAL;
import static io.flightdeck.store.jooq.Tables.EVALUATION;
import static io.flightdeck.store.jooq.Tables.MODEL_ALIAS;
import static io.flightdeck.store.jooq.Tables.MODEL_VERSION;
import static io.flightdeck.store.jooq.Tables.MODEL_VERSION_TAG;
import static io.flightdeck.store.jooq.Tables.PROTECTED_ALIAS;
import static io.flightdeck.store.jooq.Tables.REGISTERED_MODEL;
import static io.flightdeck.store.jooq.Tables.WORKSPACE_SETTING;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.Approval;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryNames;
import io.flightdeck.core.registry.RegistryRepository;
import io.flightdeck.store.jooq.tables.records.ModelVersionRecord;
import io.flightdeck.store.jooq.tables.records.RegisteredModelRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The model registry in the workspace's H2 database (tables of migration V4).
 *
 * <p>Threading: thread-safe; every write is one transaction that locks the rows it depends on (the
 * model row for numbering, the alias row for moves), so concurrent callers are serialised by H2.
 * Errors are {@link FlightdeckException}s naming the model, version or alias; no jOOQ type leaves
 * this package.
 */
public final class JooqRegistryRepository implements RegistryRepository {
  /** Setting key: "true" when the workspace is shared (approver must differ from requester). */
  public static final String SHARED = "registry.shared";

  private final DSLContext db;
  private final RegistryRows rows;

  /**
   * @param db the workspace database, migrated to V4 or later
   */
  public JooqRegistryRepository(DSLContext db) {
    this.db = db;
    this.rows = new RegistryRows(db);
  }

  @Override
  public ModelInfo createModel(String name, String description, String who, Instant when) {
    RegistryNames.modelName(name);
    return guard(
        "create the model '" + name + "'",
        () ->
            db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  if (tx.fetchExists(REGISTERED_MODEL, REGISTERED_MODEL.NAME.eq(name))) {
                    throw new FlightdeckException(
                        "A model named '" + name + "' already exists.", "Choose another name.");
                  }
                  insertModel(tx, name, description, who, when);
                  return rows.model(
                      tx, tx.fetchOne(REGISTERED_MODEL, REGISTERED_MODEL.NAME.eq(name)));
                }));
  }

  private static void insertModel(
      DSLContext tx, String name, String description, String who, Instant when) {
    tx.insertInto(REGISTERED_MODEL)
        .set(REGISTERED_MODEL.NAME, name)
        .set(REGISTERED_MODEL.DESCRIPTION, description == null ? "" : description)
        .set(REGISTERED_MODEL.CREATED_MS, when.toEpochMilli())
        .set(REGISTERED_MODEL.CREATED_BY, who)
        .set(REGISTERED_MODEL.LAST_VERSION, 0)
        .execute();
  }

  @Override
  public Optional<ModelInfo> model(String name) {
    return guard(
        "read the model '" + name + "'",
        () ->
            db.selectFrom(REGISTERED_MODEL)
                .where(REGISTERED_MODEL.NAME.eq(name))
                .fetchOptional()
                .map(r -> rows.model(db, r)));
  }

  @Override
  public List<ModelInfo> models() {
    return guard(
        "list models",
        () ->
            db.selectFrom(REGISTERED_MODEL)
                .orderBy(REGISTERED_MODEL.NAME)
                .fetch()
                .map(r -> rows.model(db, r)));
  }

  @Override
  public ModelVersion addVersion(ModelVersion v) {
    RegistryNames.modelName(v.model());
    return guard(
        "register a version of '" + v.model() + "'",
        () -> {
          int number =
              db.transactionResult(
                  cfg -> {
                    DSLContext tx = DSL.using(cfg);
                    RegisteredModelRecord m = lockModel(tx, v.model());
                    if (m == null) {
                      insertModel(tx, v.model(), "", v.createdBy(), v.created());
                      m = lockModel(tx, v.model());
                    }
                    int n = m.getLastVersion() + 1;
                    m.setLastVersion(n);
                    m.update();
                    tx.insertInto(MODEL_VERSION)
                        .set(MODEL_VERSION.MODEL, v.model())
                        .set(MODEL_VERSION.VERSION, n)
                        .set(MODEL_VERSION.SHA256, v.sha256())
                        .set(MODEL_VERSION.SIZE_BYTES, v.size())
                        .set(MODEL_VERSION.RUN_ID, v.runId())
                        .set(MODEL_VERSION.SOURCE, v.source())
                        .set(MODEL_VERSION.SIGNATURE_JSON, RegistryRows.write(v.signature()))
                        .set(MODEL_VERSION.TASK, v.task())
                        .set(MODEL_VERSION.CREATED_MS, v.created().toEpochMilli())
                        .set(MODEL_VERSION.CREATED_BY, v.createdBy())
                        .set(MODEL_VERSION.DESCRIPTION, nonNull(v.description()))
                        .set(
                            MODEL_VERSION.CARD_JSON,
                            RegistryRows.write(v.card() == null ? ModelCard.EMPTY : v.card()))
                        .set(MODEL_VERSION.DELETED, false)
                        .execute();
                    for (Map.Entry<String, String> t : v.tags().entrySet()) {
                      insertTag(tx, v.model(), n, t.getKey(), t.getValue());
                    }
                    return n;
                  });
          return version(v.model(), number).orElseThrow();
        });
  }

  private static RegisteredModelRecord lockModel(DSLContext tx, String model) {
    return tx.selectFrom(REGISTERED_MODEL)
        .where(REGISTERED_MODEL.NAME.eq(model))
        .forUpdate()
        .fetchOne();
  }

  @Override
  public Optional<ModelVersion> version(String model, int version) {
    return guard(
        "read " + model + ":" + version,
        () ->
            db.selectFrom(MODEL_VERSION)
                .where(MODEL_VERSION.MODEL.eq(model), MODEL_VERSION.VERSION.eq(version))
                .fetchOptional()
                .map(r -> rows.version(db, r)));
  }

  @Override
  public List<ModelVersion> versions(String model) {
    return guard(
        "list the versions of '" + model + "'", () -> versionsWhere(MODEL_VERSION.MODEL.eq(model)));
  }

  @Override
  public List<ModelVersion> versionsOfRun(String runId) {
    return guard(
        "list the model versions of run " + runId,
        () -> versionsWhere(MODEL_VERSION.RUN_ID.eq(runId)));
  }

  @Override
  public List<ModelVersion> allVersions() {
    return guard("list all model versions", () -> versionsWhere(DSL.trueCondition()));
  }

  private List<ModelVersion> versionsWhere(Condition where) {
    return db.selectFrom(MODEL_VERSION)
        .where(where)
        .orderBy(MODEL_VERSION.MODEL, MODEL_VERSION.VERSION)
        .fetch()
        .map(r -> rows.version(db, r));
  }

  @Override
  public void setDescription(String model, int version, String description) {
    updateVersion(model, version, r -> r.setDescription(nonNull(description)));
  }

  @Override
  public void setCard(String model, int version, ModelCard card) {
    updateVersion(
        model,
        version,
        r -> r.setCardJson(RegistryRows.write(card == null ? ModelCard.EMPTY : card)));
  }

  @Override
  public void setTag(String model, int version, String key, String value) {
    guard(
        "set the tag '" + key + "' of " + model + ":" + version,
        () ->
            db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  lockVersion(tx, model, version);
                  Condition tag =
                      DSL.and(
                          MODEL_VERSION_TAG.MODEL.eq(model),
                          MODEL_VERSION_TAG.VERSION.eq(version),
                          MODEL_VERSION_TAG.TAG_KEY.eq(key));
                  tx.deleteFrom(MODEL_VERSION_TAG).where(tag).execute();
                  if (value != null) {
                    insertTag(tx, model, version, key, value);
                  }
                  return null;
                }));
  }

  private static void insertTag(DSLContext tx, String model, int version, String k, String v) {
    tx.insertInto(MODEL_VERSION_TAG)
        .set(MODEL_VERSION_TAG.MODEL, model)
        .set(MODEL_VERSION_TAG.VERSION, version)
        .set(MODEL_VERSION_TAG.TAG_KEY, k)
        .set(MODEL_VERSION_TAG.TAG_VALUE, v)
        .execute();
  }

  @Override
  public void markDeleted(String model, int version) {
    guard(
        "delete " + model + ":" + version,
        () ->
            db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  ModelVersionRecord r = lockVersion(tx, model, version);
                  List<String> held =
                      tx.select(MODEL_ALIAS.ALIAS_NAME)
                          .from(MODEL_ALIAS)
                          .where(MODEL_ALIAS.MODEL.eq(model), MODEL_ALIAS.VERSION.eq(version))
                          .fetch(MODEL_ALIAS.ALIAS_NAME);
                  if (!held.isEmpty()) {
                    throw new FlightdeckException(
                        model
                            + ":"
                            + version
                            + " holds the alias(es) "
                            + String.join(", ", held)
                            + " and cannot be deleted.",
                        "Move those aliases to another version first.");
                  }
                  r.setDeleted(true);
                  r.update();
                  return null;
                }));
  }

  private void updateVersion(
      String model, int version, java.util.function.Consumer<ModelVersionRecord> change) {
    guard(
        "change " + model + ":" + version,
        () ->
            db.transactionResult(
                cfg -> {
                  ModelVersionRecord r = lockVersion(DSL.using(cfg), model, version);
                  change.accept(r);
                  r.update();
                  return null;
                }));
  }

  private static ModelVersionRecord lockVersion(DSLContext tx, String model, int version) {
    ModelVersionRecord r =
        tx.selectFrom(MODEL_VERSION)
            .where(MODEL_VERSION.MODEL.eq(model), MODEL_VERSION.VERSION.eq(version))
            .forUpdate()
            .fetchOne();
    if (r == null) {
      throw noVersion(model, version);
    }
    return r;
  }

  static FlightdeckException noVersion(String model, int version) {
    return new FlightdeckException(
        "There is no version " + version + " of the model '" + model + "'.",
        "List the versions with 'flightdeck models list'.");
  }

  @Override
  public Map<String, Integer> aliases(String model) {
    return guard(
        "read the aliases of '" + model + "'",
        () -> {
          Map<String, Integer> out = new LinkedHashMap<>();
          db.selectFrom(MODEL_ALIAS)
              .where(MODEL_ALIAS.MODEL.eq(model))
              .orderBy(MODEL_ALIAS.ALIAS_NAME)
              .forEach(r -> out.put(r.getAliasName(), r.getVersion()));
          return out;
        });
  }

  @Override
  public AliasMove moveAlias(AliasMove move, Long approvalId) {
    RegistryNames.alias(move.alias());
    return guard(
        "move the alias '" + move.alias() + "' of '" + move.model() + "'",
        () -> {
          long id =
              db.transactionResult(cfg -> new AliasWrite(DSL.using(cfg)).move(move, approvalId));
          return db.selectFrom(ALIAS_HISTORY)
              .where(ALIAS_HISTORY.ID.eq(id))
              .fetchOne(RegistryRows::move);
        });
  }

  @Override
  public List<AliasMove> history(String model, String alias) {
    return guard(
        "read the alias history of '" + model + "'",
        () -> {
          Condition where = ALIAS_HISTORY.MODEL.eq(model);
          if (alias != null) {
            where = where.and(ALIAS_HISTORY.ALIAS_NAME.eq(alias));
          }
          return db.selectFrom(ALIAS_HISTORY)
              .where(where)
              .orderBy(ALIAS_HISTORY.ID)
              .fetch(RegistryRows::move);
        });
  }

  @Override
  public void setProtectedAliases(String model, Set<String> aliases) {
    aliases.forEach(RegistryNames::alias);
    guard(
        "protect aliases of '" + model + "'",
        () ->
            db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  if (lockModel(tx, model) == null) {
                    throw noModel(model);
                  }
                  tx.deleteFrom(PROTECTED_ALIAS).where(PROTECTED_ALIAS.MODEL.eq(model)).execute();
                  for (String a : aliases) {
                    tx.insertInto(PROTECTED_ALIAS)
                        .set(PROTECTED_ALIAS.MODEL, model)
                        .set(PROTECTED_ALIAS.ALIAS_NAME, a)
                        .execute();
                  }
                  return null;
                }));
  }

  static FlightdeckException noModel(String model) {
    return new FlightdeckException(
        "There is no model named '" + model + "'.",
        "List the models with 'flightdeck models list'.");
  }

  @Override
  public Approval addApproval(Approval a) {
    return guard(
        "record the approval for '" + a.alias() + "' of '" + a.model() + "'",
        () ->
            db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  lockVersion(tx, a.model(), a.toVersion());
                  long id =
                      tx.insertInto(APPROVAL)
                          .set(APPROVAL.MODEL, a.model())
                          .set(APPROVAL.ALIAS_NAME, a.alias())
                          .set(APPROVAL.TO_VERSION, a.toVersion())
                          .set(APPROVAL.REQUESTER, a.requester())
                          .set(APPROVAL.APPROVER, a.approver())
                          .set(APPROVAL.REASON, a.reason())
                          .set(APPROVAL.APPROVED_MS, a.when().toEpochMilli())
                          .returning(APPROVAL.ID)
                          .fetchOne(APPROVAL.ID);
                  return RegistryRows.approval(tx.fetchOne(APPROVAL, APPROVAL.ID.eq(id)));
                }));
  }

  @Override
  public List<Approval> openApprovals(String model, String alias, int toVersion) {
    return guard(
        "read the approvals of '" + alias + "' of '" + model + "'",
        () ->
            db.selectFrom(APPROVAL)
                .where(
                    APPROVAL.MODEL.eq(model),
                    APPROVAL.ALIAS_NAME.eq(alias),
                    APPROVAL.TO_VERSION.eq(toVersion),
                    APPROVAL.USED_BY_MOVE.isNull())
                .orderBy(APPROVAL.ID)
                .fetch(RegistryRows::approval));
  }

  @Override
  public EvaluationResult addEvaluation(EvaluationResult e) {
    return guard(
        "store the evaluation of " + e.model() + ":" + e.version(),
        () ->
            db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  lockVersion(tx, e.model(), e.version());
                  long id =
                      tx.insertInto(EVALUATION)
                          .set(EVALUATION.MODEL, e.model())
                          .set(EVALUATION.VERSION, e.version())
                          .set(EVALUATION.DATASET, nonNull(e.dataset()))
                          .set(EVALUATION.DATASET_SHA256, nonNull(e.datasetSha256()))
                          .set(EVALUATION.TASK, nonNull(e.task()))
                          .set(EVALUATION.METRICS_JSON, RegistryRows.write(e.metrics()))
                          .set(
                              EVALUATION.DETAIL_JSON,
                              e.detailJson() == null ? "{}" : e.detailJson())
                          .set(EVALUATION.EVALUATED_BY, e.who())
                          .set(EVALUATION.EVALUATED_MS, e.when().toEpochMilli())
                          .returning(EVALUATION.ID)
                          .fetchOne(EVALUATION.ID);
                  return RegistryRows.evaluation(tx.fetchOne(EVALUATION, EVALUATION.ID.eq(id)));
                }));
  }

  @Override
  public Optional<EvaluationResult> evaluation(long id) {
    return guard(
        "read evaluation " + id,
        () ->
            db.selectFrom(EVALUATION)
                .where(EVALUATION.ID.eq(id))
                .fetchOptional()
                .map(RegistryRows::evaluation));
  }

  @Override
  public List<EvaluationResult> evaluations(String model, int version) {
    return guard(
        "read the evaluations of " + model + ":" + version,
        () ->
            db.selectFrom(EVALUATION)
                .where(EVALUATION.MODEL.eq(model), EVALUATION.VERSION.eq(version))
                .orderBy(EVALUATION.ID.desc())
                .fetch(RegistryRows::evaluation));
  }

  /** A workspace setting, empty when never set. */
  public Optional<String> setting(String key) {
    return guard(
        "read the setting '" + key + "'",
        () ->
            db.select(WORKSPACE_SETTING.SETTING_VALUE)
                .from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(key))
                .fetchOptional(WORKSPACE_SETTING.SETTING_VALUE));
  }

  /** Sets (or replaces) a workspace setting. */
  public void setSetting(String key, String value) {
    guard(
        "store the setting '" + key + "'",
        () ->
            db.mergeInto(WORKSPACE_SETTING)
                .using(DSL.selectOne())
                .on(WORKSPACE_SETTING.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate()
                .set(WORKSPACE_SETTING.SETTING_VALUE, value)
                .whenNotMatchedThenInsert(
                    WORKSPACE_SETTING.SETTING_KEY, WORKSPACE_SETTING.SETTING_VALUE)
                .values(key, value)
                .execute());
  }

  /** Whether {@value #SHARED} is "true". */
  public boolean sharedWorkspace() {
    return setting(SHARED).map(Boolean::parseBoolean).orElse(false);
  }

  static String nonNull(String s) {
    return s == null ? "" : s;
  }

  static <T> T guard(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DataAccessException e) {
      if (e.getCause() instanceof FlightdeckException fe) {
        throw fe;
      }
      throw new FlightdeckException(
          "Could not " + what + ": " + e.getMessage() + ".",
          "Check the workspace's disk space and permissions, then try again.",
          e);
    }
  }
}
