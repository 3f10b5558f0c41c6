package io.flightdeck.core.registry;

import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model registry: registering ONNX files and run artifacts as immutable numbered versions,
 * aliases with their permanent history, approvals for protected aliases, integrity checks, MLflow
 * model directories and stored evaluations. The one entry point for the window, the command line
 * and evaluation.
 *
 * <p>Threading: thread-safe and stateless beyond its collaborators; every method blocks on the
 * database, the artifact store or the inspector (a child process) and must be called off the UI
 * thread.
 *
 * <p>Errors: {@link FlightdeckException} naming the model, version, alias or file and saying what
 * to do. Every change is written to the audit trail ({@code model.registered}, {@code
 * model.alias.moved}, {@code model.alias.rollback}, {@code model.approval}, {@code model.protect},
 * {@code model.version.deleted}, {@code model.description}, {@code model.card}, {@code model.tag},
 * {@code model.exported}, {@code model.evaluated}).
 *
 * <p>Integrity: every artifact read ({@link #checkedCopy}, {@link #exportMlflow}, {@link
 * #registerRun}) re-hashes the bytes while copying and refuses a mismatch naming the store file and
 * both hashes. See {@code docs/adr/0007-registry-aliases-and-approvals.md}.
 */
public final class RegistryService {
  private static final Pattern V_NUMBER = Pattern.compile("[vV]?(\\d{1,9})");
  private static final Pattern EVALUATION_EVIDENCE = Pattern.compile("evaluation:(\\d{1,18})");

  private final RegistryRepository repo;
  private final ArtifactStore store;
  private final TrackingRepository tracking;
  private final ModelInspector inspector;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> user;
  private final BooleanSupplier shared;
  private final Path tmpRoot;

  /**
   * A service whose temporary copies go to the system's temporary folder.
   *
   * @param sharedWorkspace true when approvals need a second person
   */
  public RegistryService(
      RegistryRepository repo,
      ArtifactStore store,
      TrackingRepository tracking,
      ModelInspector inspector,
      AuditLog audit,
      Clock clock,
      Supplier<String> user,
      BooleanSupplier sharedWorkspace) {
    this(repo, store, tracking, inspector, audit, clock, user, sharedWorkspace, null);
  }

  /**
   * @param tmpRoot where temporary copies are made (the workspace's {@code store/tmp}, emptied on
   *     open), or null for the system's temporary folder
   */
  public RegistryService(
      RegistryRepository repo,
      ArtifactStore store,
      TrackingRepository tracking,
      ModelInspector inspector,
      AuditLog audit,
      Clock clock,
      Supplier<String> user,
      BooleanSupplier sharedWorkspace,
      Path tmpRoot) {
    this.repo = repo;
    this.store = store;
    this.tracking = tracking;
    this.inspector = inspector;
    this.audit = audit;
    this.clock = clock;
    this.user = user;
    this.shared = sharedWorkspace;
    this.tmpRoot = tmpRoot;
  }

  // ---- registering ----

  /**
   * Registers an ONNX file as the next version of {@code modelName} (created when missing). The
   * file is copied while hashing, the copy is inspected (with {@code model.json} next to the file
   * when present) and then stored, so what was inspected is exactly what is registered.
   *
   * @throws FlightdeckException when the file is missing or the inspector refuses it
   */
  public ModelVersion registerFile(Path onnx, String modelName, String description) {
    RegistryNames.modelName(modelName);
    Path file = onnx.toAbsolutePath().normalize();
    return register(file, modelName, description, "file:" + file.getFileName());
  }

  private ModelVersion register(Path file, String modelName, String description, String source) {
    if (!Files.isRegularFile(file)) {
      throw new FlightdeckException(
          "The model file " + file + " does not exist or is not a file.", "Choose an .onnx file.");
    }
    Path sidecar = file.resolveSibling(MlflowModelDir.SIDECAR);
    return withTempFiles(
        work -> {
          Path copy = work.file(".onnx");
          String sha = ArtifactCopies.copyHashing(file, copy);
          Path side = null;
          if (Files.isRegularFile(sidecar)) {
            side = work.file(".json");
            Files.copy(sidecar, side, StandardCopyOption.REPLACE_EXISTING);
          }
          ModelInspection ins = inspect(copy, side, file);
          String stored;
          try (InputStream in = Files.newInputStream(copy)) {
            stored = store.put(in);
          }
          if (!stored.equals(sha)) {
            throw new FlightdeckException(
                "The copy of " + file + " changed while it was being registered.", "Try again.");
          }
          return add(modelName, sha, Files.size(copy), null, source, ins, description, List.of());
        });
  }

  /**
   * Registers a run's ONNX artifact as the next version of {@code modelName}, with the run as its
   * lineage. The artifact is copied from the store with its hash re-checked and inspected with the
   * run's {@code model.json} next to it when there is one.
   *
   * @param artifactPath the artifact's path in the run; null or blank for {@code model/model.onnx}
   * @throws FlightdeckException when the run or the artifact is unknown, altered or refused
   */
  public ModelVersion registerRun(String runId, String artifactPath, String modelName) {
    RegistryNames.modelName(modelName);
    String path =
        artifactPath == null || artifactPath.isBlank() ? "model/model.onnx" : artifactPath;
    RunInfo run =
        tracking
            .run(runId)
            .orElseThrow(
                () ->
                    new FlightdeckException(
                        "There is no run " + runId + ".", "Choose a run that 'runs list' shows."));
    List<RunArtifact> artifacts = tracking.artifacts(run.runId());
    RunArtifact art =
        artifacts.stream()
            .filter(a -> a.path().equals(path))
            .findFirst()
            .orElseThrow(
                () ->
                    new FlightdeckException(
                        "Run " + runId + " has no artifact '" + path + "'.",
                        "Its artifacts are: "
                            + (artifacts.isEmpty()
                                ? "none"
                                : String.join(
                                    ", ", artifacts.stream().map(RunArtifact::path).toList()))
                            + "."));
    int slash = path.lastIndexOf('/');
    String sidecarPath = (slash < 0 ? "" : path.substring(0, slash + 1)) + MlflowModelDir.SIDECAR;
    Optional<RunArtifact> sidecar =
        artifacts.stream().filter(a -> a.path().equals(sidecarPath)).findFirst();
    List<RunInput> inputs = tracking.inputs(run.runId());
    return withTempFiles(
        work -> {
          Path copy = work.file(".onnx");
          String what = "run " + runId + " artifact " + path;
          ArtifactCopies.checkedCopy(store, art.sha256(), what, copy);
          Path side = null;
          if (sidecar.isPresent()) {
            side = work.file(".json");
            ArtifactCopies.checkedCopy(
                store, sidecar.get().sha256(), "run " + runId + " artifact " + sidecarPath, side);
          }
          ModelInspection ins = inspect(copy, side, Path.of(what));
          return add(
              modelName,
              art.sha256(),
              Files.size(copy),
              run.runId(),
              "run:" + run.runId() + "/" + path,
              ins,
              "",
              inputs);
        });
  }

  private ModelInspection inspect(Path copy, Path sidecar, Path shownAs) {
    try {
      return Objects.requireNonNull(inspector.inspect(copy, sidecar), "inspection");
    } catch (FlightdeckException e) {
      String message = e.getMessage().replace(copy.toString(), shownAs.toString());
      throw new FlightdeckException(message, e.hint(), e);
    }
  }

  private ModelVersion add(
      String model,
      String sha,
      long size,
      String runId,
      String source,
      ModelInspection ins,
      String description,
      List<RunInput> inputs) {
    ModelVersion v =
        repo.addVersion(
            new ModelVersion(
                model,
                0,
                sha,
                size,
                runId,
                source,
                ins.signature(),
                ins.task() == null ? "unknown" : ins.task(),
                clock.instant(),
                user.get(),
                description == null ? "" : description,
                Map.of(),
                ModelCard.EMPTY,
                false));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("version", v.version());
    d.put("sha256", sha);
    d.put("size", size);
    d.put("source", source);
    d.put("task", v.task());
    if (runId != null) {
      d.put("run", runId);
      d.put(
          "datasets",
          inputs.stream()
              .map(i -> i.dataset() + ":" + i.version() + "@" + i.sha256() + " (" + i.role() + ")")
              .toList());
    }
    d.put("sample", ins.sampleOutput() == null ? "" : ins.sampleOutput());
    audit.append(AuditEvent.of("model.registered", "model", model, d));
    return v;
  }

  // ---- reading ----

  /** All models by name. */
  public List<ModelInfo> models() {
    return repo.models();
  }

  /** A model. */
  public ModelInfo model(String name) {
    return repo.model(name).orElseThrow(() -> noModel(name));
  }

  /** A model's versions, oldest first, deleted ones included (flagged). */
  public List<ModelVersion> versions(String model) {
    model(model);
    return repo.versions(model);
  }

  /**
   * A version, deleted or not.
   *
   * @throws FlightdeckException when there is no such version
   */
  public ModelVersion version(String model, int version) {
    return repo.version(model, version)
        .orElseThrow(
            () ->
                new FlightdeckException(
                    "There is no version " + version + " of the model '" + model + "'.",
                    "List the versions with 'flightdeck models list'."));
  }

  /** Which version holds each alias of a model now. */
  public Map<String, Integer> aliases(String model) {
    return repo.aliases(model);
  }

  /**
   * A version by number ("3"), "v3", "latest" (the highest version not deleted) or an alias.
   * Numbers may name deleted versions (check {@link ModelVersion#deleted()}).
   */
  public Optional<ModelVersion> resolve(String model, String versionOrAlias) {
    String s = versionOrAlias == null ? "" : versionOrAlias.strip();
    var number = V_NUMBER.matcher(s);
    if (number.matches()) {
      return repo.version(model, Integer.parseInt(number.group(1)));
    }
    if (s.equalsIgnoreCase("latest")) {
      return repo.versions(model).stream()
          .filter(v -> !v.deleted())
          .max(Comparator.comparingInt(ModelVersion::version));
    }
    Integer held = repo.aliases(model).get(s);
    return held == null ? Optional.empty() : repo.version(model, held);
  }

  /** The lineage of a version: its run's code version, parameters and dataset inputs. */
  public ModelLineage lineage(String model, int version) {
    ModelVersion v = version(model, version);
    if (v.runId() == null) {
      return new ModelLineage(model, version, v.source(), null, "", Map.of(), List.of());
    }
    Optional<RunRow> row = tracking.runRow(v.runId());
    return new ModelLineage(
        model,
        version,
        v.source(),
        v.runId(),
        row.map(r -> r.info().codeVersion()).orElse(""),
        row.map(RunRow::params).orElse(Map.of()),
        tracking.inputs(v.runId()));
  }

  // ---- aliases ----

  /** What moving {@code alias} to {@code toVersion} would change, with evidence candidates. */
  public AliasChange preview(String model, String alias, int toVersion) {
    RegistryNames.alias(alias);
    ModelInfo info = model(model);
    version(model, toVersion);
    Integer from = repo.aliases(model).get(alias);
    boolean isProtected = info.protectedAliases().contains(alias);
    return new AliasChange(
        model,
        alias,
        from,
        toVersion,
        isProtected,
        usableApproval(model, alias, toVersion),
        from == null ? Optional.empty() : newestEvaluation(model, from),
        newestEvaluation(model, toVersion));
  }

  private Optional<EvaluationResult> newestEvaluation(String model, int version) {
    return repo.evaluations(model, version).stream().findFirst();
  }

  /** An unused approval of the move that the current user may use. */
  private Optional<Approval> usableApproval(String model, String alias, int toVersion) {
    String me = user.get();
    return repo.openApprovals(model, alias, toVersion).stream()
        .filter(a -> !shared.getAsBoolean() || !a.approver().equalsIgnoreCase(me))
        .findFirst();
  }

  /**
   * Moves (or sets) an alias to a version, with a reason and optional evidence, and keeps the move
   * in the alias's history forever. A protected alias needs an open approval of exactly this move,
   * which the move uses up in the same transaction. Audited ({@code model.alias.moved}).
   *
   * @param evidence what supports the move ("evaluation:12", "canary:3"), may be null or empty; an
   *     evaluation must exist and belong to this model
   * @throws FlightdeckException for an invalid alias, a blank reason, a missing or deleted version,
   *     a version that already holds the alias, or a missing approval
   */
  public AliasMove moveAlias(
      String model, String alias, int toVersion, String reason, String evidence) {
    RegistryNames.alias(alias);
    requireReason(reason, "moving the alias '" + alias + "'");
    ModelInfo info = model(model);
    ModelVersion target = version(model, toVersion);
    if (target.deleted()) {
      throw new FlightdeckException(
          target.ref() + " is deleted; the alias '" + alias + "' cannot move to it.",
          "Choose a version that is not deleted.");
    }
    Integer from = repo.aliases(model).get(alias);
    if (Objects.equals(from, toVersion)) {
      throw new FlightdeckException(
          target.ref() + " already holds the alias '" + alias + "'.", "Nothing was changed.");
    }
    String ev = checkEvidence(model, evidence);
    Approval approval = null;
    if (info.protectedAliases().contains(alias)) {
      approval =
          usableApproval(model, alias, toVersion)
              .orElseThrow(
                  () ->
                      new FlightdeckException(
                          "The alias '"
                              + alias
                              + "' of '"
                              + model
                              + "' is protected: moving it to version "
                              + toVersion
                              + " needs an approval"
                              + (shared.getAsBoolean()
                                  ? " from someone other than " + user.get()
                                  : "")
                              + ".",
                          "Have an approver record an approval of exactly this move (model, alias,"
                              + " version and a reason) in the Registry section, then move the"
                              + " alias again."));
    }
    AliasMove move =
        repo.moveAlias(
            new AliasMove(
                0,
                model,
                alias,
                from,
                toVersion,
                user.get(),
                clock.instant(),
                reason.strip(),
                ev,
                approval == null ? "" : approval.approver(),
                false),
            approval == null ? null : approval.id());
    audit.append(AuditEvent.of("model.alias.moved", "model", model, moveDetails(move, approval)));
    return move;
  }

  /**
   * Moves an alias back to the version that held it before the current holder (the "from" of its
   * newest move), with a reason. A protected alias needs no new approval: the move restores a state
   * the alias already had (docs/adr/0007). Audited ({@code model.alias.rollback}).
   *
   * @throws FlightdeckException when the alias has no earlier holder, or that version is deleted
   */
  public AliasMove rollback(String model, String alias, String reason) {
    RegistryNames.alias(alias);
    requireReason(reason, "rolling back the alias '" + alias + "'");
    model(model);
    List<AliasMove> history = repo.history(model, alias);
    if (history.isEmpty()) {
      throw new FlightdeckException(
          "The alias '"
              + alias
              + "' of '"
              + model
              + "' has never been set; there is nothing to roll back.",
          "Set it with a move first.");
    }
    AliasMove last = history.get(history.size() - 1);
    if (last.fromVersion() == null) {
      throw new FlightdeckException(
          "The alias '"
              + alias
              + "' of '"
              + model
              + "' had no holder before version "
              + last.toVersion()
              + "; there is nothing to roll back to.",
          "Move it to another version instead.");
    }
    int target = last.fromVersion();
    if (version(model, target).deleted()) {
      throw new FlightdeckException(
          "The alias '"
              + alias
              + "' of '"
              + model
              + "' was held by version "
              + target
              + " before, but that version is deleted.",
          "Move the alias to another version instead.");
    }
    AliasMove move =
        repo.moveAlias(
            new AliasMove(
                0,
                model,
                alias,
                last.toVersion(),
                target,
                user.get(),
                clock.instant(),
                reason.strip(),
                "move:" + last.id(),
                "",
                true),
            null);
    audit.append(AuditEvent.of("model.alias.rollback", "model", model, moveDetails(move, null)));
    return move;
  }

  private static Map<String, Object> moveDetails(AliasMove m, Approval approval) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("alias", m.alias());
    d.put("move", m.id());
    d.put("from", m.fromVersion() == null ? "none" : m.fromVersion());
    d.put("to", m.toVersion() == null ? "none" : m.toVersion());
    d.put("reason", m.reason());
    d.put("evidence", m.evidence());
    if (approval != null) {
      d.put("approval", approval.id());
      d.put("approvedBy", approval.approver());
    }
    return d;
  }

  private String checkEvidence(String model, String evidence) {
    String ev = evidence == null ? "" : evidence.strip();
    var m = EVALUATION_EVIDENCE.matcher(ev);
    if (m.matches()) {
      long id = Long.parseLong(m.group(1));
      Optional<EvaluationResult> e = repo.evaluation(id);
      if (e.isEmpty() || !e.get().model().equals(model)) {
        throw new FlightdeckException(
            "The evidence '" + ev + "' names no evaluation of the model '" + model + "'.",
            "Attach an evaluation of this model, or leave the evidence empty.");
      }
    }
    return ev;
  }

  /** Which version held the alias at instant {@code t}; empty when it was not set then. */
  public Optional<Integer> holderAt(String model, String alias, Instant t) {
    Integer holder = null;
    for (AliasMove m : repo.history(model, alias)) {
      if (m.when().isAfter(t)) {
        break;
      }
      holder = m.toVersion();
    }
    return Optional.ofNullable(holder);
  }

  /** An alias's moves (all aliases' when {@code alias} is null), oldest first. */
  public List<AliasMove> history(String model, String alias) {
    return repo.history(model, alias);
  }

  // ---- approvals and protection ----

  /**
   * Records that the current user approves moving {@code alias} to {@code toVersion} for {@code
   * requester}. In a shared workspace the approver must be another person than the requester. The
   * approval is used by exactly one move. Audited ({@code model.approval}).
   *
   * @throws FlightdeckException when the alias is not protected, the version is missing or deleted,
   *     the reason is blank, or the approver is the requester in a shared workspace
   */
  public Approval approve(
      String model, String alias, int toVersion, String requester, String reason) {
    RegistryNames.alias(alias);
    requireReason(reason, "approving a move of '" + alias + "'");
    if (requester == null || requester.isBlank()) {
      throw new FlightdeckException(
          "An approval needs the name of the person who asked for the move.",
          "Enter the requester's user name.");
    }
    ModelInfo info = model(model);
    if (!info.protectedAliases().contains(alias)) {
      throw new FlightdeckException(
          "The alias '"
              + alias
              + "' of '"
              + model
              + "' is not protected; moving it needs no approval.",
          "Protect the alias first if its moves should be approved.");
    }
    ModelVersion v = version(model, toVersion);
    if (v.deleted()) {
      throw new FlightdeckException(
          v.ref() + " is deleted and cannot be approved for '" + alias + "'.",
          "Choose a version that is not deleted.");
    }
    String approver = user.get();
    if (shared.getAsBoolean() && approver.equalsIgnoreCase(requester.strip())) {
      throw new FlightdeckException(
          "In a shared workspace an approval must come from another person than the requester ("
              + approver
              + ").",
          "Ask a colleague to approve the move from their own account.");
    }
    Approval a =
        repo.addApproval(
            new Approval(
                0,
                model,
                alias,
                toVersion,
                requester.strip(),
                approver,
                reason.strip(),
                clock.instant(),
                null));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("approval", a.id());
    d.put("alias", alias);
    d.put("to", toVersion);
    d.put("requester", a.requester());
    d.put("reason", a.reason());
    audit.append(AuditEvent.of("model.approval", "model", model, d));
    return a;
  }

  /** Sets which aliases of a model need an approval to move. Audited ({@code model.protect}). */
  public void protect(String model, Set<String> aliases) {
    aliases.forEach(RegistryNames::alias);
    model(model);
    repo.setProtectedAliases(model, aliases);
    audit.append(
        AuditEvent.of(
            "model.protect",
            "model",
            model,
            Map.of("aliases", aliases.stream().sorted().toList())));
  }

  // ---- version changes ----

  /**
   * Marks a version deleted; its number is never reused and its history stays. Refused while it
   * holds an alias. Audited ({@code model.version.deleted}).
   */
  public void deleteVersion(String model, int version, String reason) {
    requireReason(reason, "deleting " + model + ":" + version);
    ModelVersion v = version(model, version);
    if (v.deleted()) {
      throw new FlightdeckException(v.ref() + " is already deleted.", "Nothing was changed.");
    }
    repo.markDeleted(model, version);
    audit.append(
        AuditEvent.of(
            "model.version.deleted",
            "model",
            model,
            Map.of("version", version, "reason", reason.strip())));
  }

  /** Replaces a version's description. Audited ({@code model.description}). */
  public void setDescription(String model, int version, String description) {
    version(model, version);
    String text = description == null ? "" : description;
    repo.setDescription(model, version, text);
    audit.append(
        AuditEvent.of(
            "model.description",
            "model",
            model,
            Map.of("version", version, "length", text.length())));
  }

  /** Replaces a version's model card. Audited ({@code model.card}). */
  public void setCard(String model, int version, ModelCard card) {
    version(model, version);
    repo.setCard(model, version, card == null ? ModelCard.EMPTY : card);
    audit.append(AuditEvent.of("model.card", "model", model, Map.of("version", version)));
  }

  /** Sets (or with a null value removes) a version's tag. Audited ({@code model.tag}). */
  public void setTag(String model, int version, String key, String value) {
    if (key == null || key.isBlank() || key.length() > 250) {
      throw new FlightdeckException(
          "'" + key + "' is not a valid tag key.", "Use 1 to 250 characters.");
    }
    if (value != null && value.length() > 5000) {
      throw new FlightdeckException(
          "The value of tag '" + key + "' is longer than 5000 characters.", "Shorten it.");
    }
    version(model, version);
    repo.setTag(model, version, key, value);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("version", version);
    d.put("key", key);
    d.put("value", value == null ? "(removed)" : value);
    audit.append(AuditEvent.of("model.tag", "model", model, d));
  }

  // ---- integrity ----

  /**
   * Copies a version's ONNX file into {@code dir} as {@code MODEL-vN.onnx}, re-hashing it on the
   * way; the file appears only when the hash matches. The caller owns (and deletes) the copy.
   *
   * @throws FlightdeckException naming the store file and both hashes when the stored file was
   *     altered, or saying that it is missing
   */
  public Path checkedCopy(ModelVersion v, Path dir) {
    String name = v.model().replaceAll("[^\\w.\\-]", "_") + "-v" + v.version() + ".onnx";
    return io(() -> ArtifactCopies.checkedCopy(store, v.sha256(), v.ref(), dir.resolve(name)));
  }

  /** Re-hashes every version's artifact (each stored file once) and lists those that differ. */
  public RegistryVerification verify() {
    List<ModelVersion> all = repo.allVersions();
    Map<String, String> actual = new HashMap<>();
    List<RegistryVerification.Problem> problems = new ArrayList<>();
    for (ModelVersion v : all) {
      Path file = store.pathOf(v.sha256());
      String found =
          actual.computeIfAbsent(v.sha256(), k -> io(() -> ArtifactCopies.hashOrMissing(file)));
      if (!found.equals(v.sha256())) {
        problems.add(
            new RegistryVerification.Problem(
                v.model(), v.version(), file.toString(), v.sha256(), found));
      }
    }
    return new RegistryVerification(all.size(), problems);
  }

  /** Whether every registered artifact matches its hash. */
  public boolean consistent() {
    return verify().consistent();
  }

  // ---- MLflow interop ----

  /**
   * Writes an MLflow model directory for a version into {@code dir} (created; it must be missing or
   * empty): {@code MLmodel} with the onnx flavor and the tensor signature, a checked copy {@code
   * model.onnx} and {@code model.json}. Nothing is left behind when it fails. Audited ({@code
   * model.exported}).
   *
   * @throws FlightdeckException when the stored file was altered (naming both hashes) or the folder
   *     is not empty
   */
  public Path exportMlflow(String model, int version, Path dir) {
    ModelVersion v = version(model, version);
    Path target = dir.toAbsolutePath().normalize();
    return io(
        () -> {
          boolean created = !Files.exists(target);
          if (!created) {
            try (Stream<Path> s = Files.list(target)) {
              if (s.findAny().isPresent()) {
                throw new FlightdeckException(
                    "The folder " + target + " is not empty.",
                    "Choose a new or empty folder for the MLflow model.");
              }
            }
          }
          Files.createDirectories(target);
          try {
            ArtifactCopies.checkedCopy(
                store, v.sha256(), v.ref(), target.resolve(MlflowModelDir.DATA));
            AtomicFiles.writeString(
                target.resolve(MlflowModelDir.SIDECAR), MlflowModelDir.sidecar(v));
            AtomicFiles.writeString(
                target.resolve(MlflowModelDir.MLMODEL), MlflowModelDir.mlmodel(v, clock.instant()));
          } catch (RuntimeException | IOException e) {
            for (String f :
                List.of(MlflowModelDir.DATA, MlflowModelDir.SIDECAR, MlflowModelDir.MLMODEL)) {
              Files.deleteIfExists(target.resolve(f));
            }
            if (created) {
              Files.deleteIfExists(target);
            }
            throw e;
          }
          audit.append(
              AuditEvent.of(
                  "model.exported",
                  "model",
                  model,
                  Map.of("version", version, "format", "mlflow", "dir", target.toString())));
          return target;
        });
  }

  /**
   * Registers the ONNX model of an MLflow model directory as the next version of {@code modelName}.
   * Only the onnx flavor is accepted (a pickled model is refused); its data file must stay inside
   * the folder.
   */
  public ModelVersion importMlflow(Path dir, String modelName) {
    RegistryNames.modelName(modelName);
    Path root = dir.toAbsolutePath().normalize();
    Path onnx = io(() -> MlflowModelDir.onnxFile(root));
    String rel = io(() -> root.toRealPath().relativize(onnx).toString().replace('\\', '/'));
    return register(
        onnx,
        modelName,
        "Imported from MLflow model " + root,
        "mlflow:" + root.getFileName() + "/" + rel);
  }

  // ---- evaluations ----

  /**
   * Stores an evaluation of a version (its id is assigned; an empty {@code who} or null {@code
   * when} is filled with the current user and time). Audited ({@code model.evaluated}).
   */
  public EvaluationResult saveEvaluation(EvaluationResult withoutId) {
    version(withoutId.model(), withoutId.version());
    EvaluationResult e =
        repo.addEvaluation(
            new EvaluationResult(
                0,
                withoutId.model(),
                withoutId.version(),
                withoutId.dataset(),
                withoutId.datasetSha256(),
                withoutId.task(),
                withoutId.metrics(),
                withoutId.detailJson(),
                withoutId.who() == null || withoutId.who().isBlank() ? user.get() : withoutId.who(),
                withoutId.when() == null ? clock.instant() : withoutId.when()));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("evaluation", e.id());
    d.put("version", e.version());
    d.put("dataset", e.dataset());
    d.put("datasetSha256", e.datasetSha256());
    d.put("metrics", new java.util.TreeMap<>(e.metrics()));
    audit.append(AuditEvent.of("model.evaluated", "model", e.model(), d));
    return e;
  }

  /** A version's evaluations, newest first. */
  public List<EvaluationResult> evaluations(String model, int version) {
    return repo.evaluations(model, version);
  }

  /** An evaluation by id. */
  public Optional<EvaluationResult> evaluation(long id) {
    return repo.evaluation(id);
  }

  // ---- helpers ----

  private static void requireReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new FlightdeckException(
          "A reason is required for " + what + ".", "Say why, e.g. 'better F1 on the March data'.");
    }
  }

  private static FlightdeckException noModel(String name) {
    return new FlightdeckException(
        "There is no model named '" + name + "'.",
        "List the models with 'flightdeck models list'.");
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private static <T> T io(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new FlightdeckException(
          "A registry file operation failed: " + e.getMessage() + ".",
          "Check the disk space and permissions of the workspace and the chosen folder.",
          e);
    }
  }

  /** Temporary files of one operation, all deleted at its end. */
  private final class TempFiles {
    private final List<Path> files = new ArrayList<>();

    /** A new empty temporary file (in {@code store/tmp}, which the workspace empties on open). */
    Path file(String suffix) throws IOException {
      Path f =
          tmpRoot == null
              ? Files.createTempFile("flightdeck-registry-", suffix)
              : Files.createTempFile(Files.createDirectories(tmpRoot), "registry-", suffix);
      files.add(f);
      return f;
    }
  }

  private interface TempCall<T> {
    T call(TempFiles temp) throws IOException;
  }

  /**
   * Runs {@code call} and deletes the temporary files it made. Plain files, not a folder: the
   * store's clean-up on open deletes files in {@code store/tmp} one by one.
   */
  private <T> T withTempFiles(TempCall<T> call) {
    return io(
        () -> {
          TempFiles temp = new TempFiles();
          try {
            return call.call(temp);
          } finally {
            for (Path f : temp.files) {
              Files.deleteIfExists(f);
            }
          }
        });
  }
}
