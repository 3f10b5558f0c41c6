package io.flightdeck.store.registry;

import static io.flightdeck.store.jooq.Tables.MODEL_VERSION_TAG;
import static io.flightdeck.store.jooq.Tables.PROTECTED_ALIAS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.Approval;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.store.jooq.tables.records.AliasHistoryRecord;
import io.flightdeck.store.jooq.tables.records.ApprovalRecord;
import io.flightdeck.store.jooq.tables.records.EvaluationRecord;
import io.flightdeck.store.jooq.tables.records.ModelVersionRecord;
import io.flightdeck.store.jooq.tables.records.RegisteredModelRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/** Maps registry rows to core's records; signatures, cards and metrics are JSON in CLOBs. */
final class RegistryRows {
  private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {};
  private final DSLContext db;

  RegistryRows(DSLContext db) {
    this.db = db;
  }

  ModelInfo model(DSLContext ctx, RegisteredModelRecord r) {
    var aliases =
        new HashSet<>(
            ctx.select(PROTECTED_ALIAS.ALIAS_NAME)
                .from(PROTECTED_ALIAS)
                .where(PROTECTED_ALIAS.MODEL.eq(r.getName()))
                .fetch(PROTECTED_ALIAS.ALIAS_NAME));
    return new ModelInfo(
        r.getName(),
        r.getDescription(),
        Instant.ofEpochMilli(r.getCreatedMs()),
        r.getCreatedBy(),
        aliases,
        r.getLastVersion());
  }

  ModelVersion version(DSLContext ctx, ModelVersionRecord r) {
    Map<String, String> tags = new LinkedHashMap<>();
    (ctx == null ? db : ctx)
        .selectFrom(MODEL_VERSION_TAG)
        .where(
            MODEL_VERSION_TAG.MODEL.eq(r.getModel()), MODEL_VERSION_TAG.VERSION.eq(r.getVersion()))
        .orderBy(MODEL_VERSION_TAG.TAG_KEY)
        .forEach(t -> tags.put(t.getTagKey(), t.getTagValue()));
    return new ModelVersion(
        r.getModel(),
        r.getVersion(),
        r.getSha256(),
        r.getSizeBytes(),
        r.getRunId(),
        r.getSource(),
        read(r.getSignatureJson(), ModelSignature.class),
        r.getTask(),
        Instant.ofEpochMilli(r.getCreatedMs()),
        r.getCreatedBy(),
        r.getDescription(),
        tags,
        read(r.getCardJson(), ModelCard.class),
        r.getDeleted());
  }

  static AliasMove move(AliasHistoryRecord r) {
    return new AliasMove(
        r.getId(),
        r.getModel(),
        r.getAliasName(),
        r.getFromVersion(),
        r.getToVersion(),
        r.getMovedBy(),
        Instant.ofEpochMilli(r.getMovedMs()),
        r.getReason(),
        r.getEvidence(),
        r.getApprovedBy(),
        r.getIsRollback());
  }

  static Approval approval(ApprovalRecord r) {
    return new Approval(
        r.getId(),
        r.getModel(),
        r.getAliasName(),
        r.getToVersion(),
        r.getRequester(),
        r.getApprover(),
        r.getReason(),
        Instant.ofEpochMilli(r.getApprovedMs()),
        r.getUsedByMove());
  }

  static EvaluationResult evaluation(EvaluationRecord r) {
    try {
      return new EvaluationResult(
          r.getId(),
          r.getModel(),
          r.getVersion(),
          r.getDataset(),
          r.getDatasetSha256(),
          r.getTask(),
          Json.mapper().readValue(r.getMetricsJson(), METRICS),
          r.getDetailJson(),
          r.getEvaluatedBy(),
          Instant.ofEpochMilli(r.getEvaluatedMs()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "The metrics of evaluation " + r.getId() + " cannot be read: " + e.getOriginalMessage(),
          e);
    }
  }

  static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is not a " + type.getSimpleName(), e);
    }
  }
}
