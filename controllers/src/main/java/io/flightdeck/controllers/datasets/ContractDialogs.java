package io.flightdeck.controllers.datasets;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.views.datasets.ContractDialogView;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The contract flow: derive from the dataset's first version when none exists, let the user edit,
 * save.
 */
final class ContractDialogs {
  private final DatasetService service;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Supplier<Window> owner;
  private Consumer<ContractDialogView> onShown = d -> {};

  ContractDialogs(
      DatasetService service, TaskRunner tasks, ErrorPresenter errors, Supplier<Window> owner) {
    this.service = service;
    this.tasks = tasks;
    this.errors = errors;
    this.owner = owner;
  }

  void setOnShown(Consumer<ContractDialogView> c) {
    onShown = c;
  }

  /**
   * Runs {@code then} once the dataset of {@code ref} has a contract, asking the user to review a
   * derived one.
   */
  void ensureContract(DatasetRef ref, Runnable then) {
    tasks.submit(
        "Reading the contract of " + ref.name(),
        p -> service.contract(ref.name()),
        existing -> {
          if (existing.isPresent()) {
            then.run();
          } else {
            edit(ref, then);
          }
        },
        e -> errors.show("Read the contract of " + ref.name(), e));
  }

  /** Opens the editor on the saved contract, or on one derived from version 1. */
  void edit(DatasetRef ref, Runnable afterSave) {
    DatasetRef reference = new DatasetRef(ref.name(), 1);
    tasks.submit(
        "Preparing the contract of " + ref.name(),
        p -> {
          Optional<SchemaContract> saved = service.contract(ref.name());
          return saved.isPresent()
              ? new Draft("The saved contract of " + ref.name() + ". Edit and save.", saved.get())
              : new Draft(
                  "No contract yet: derived from "
                      + reference
                      + " (types, nullability, ranges ±10 %, categories,"
                      + " missing rates). Review, edit and save.",
                  service.deriveContract(reference));
        },
        draft -> show(ref, draft, draft.contract().toJson(), afterSave),
        e -> errors.show("Prepare the contract of " + ref.name(), e));
  }

  private record Draft(String origin, SchemaContract contract) {}

  private void show(DatasetRef ref, Draft draft, String json, Runnable afterSave) {
    ContractDialogView dialog =
        new ContractDialogView(owner.get(), ref.name(), draft.origin(), json);
    dialog.show(
        text -> {
          SchemaContract edited;
          try {
            edited = SchemaContract.fromJson(text);
          } catch (RuntimeException e) {
            ContractDialogView retry =
                new ContractDialogView(owner.get(), ref.name(), draft.origin(), text);
            retry.showProblem(
                "The contract is not valid: " + e.getMessage() + " Fix it and save again.");
            retry.show(t -> save(ref, t, afterSave));
            onShown.accept(retry);
            return;
          }
          save(ref, edited, afterSave);
        });
    onShown.accept(dialog);
  }

  private void save(DatasetRef ref, String text, Runnable afterSave) {
    try {
      save(ref, SchemaContract.fromJson(text), afterSave);
    } catch (RuntimeException e) {
      errors.show("Save the contract of " + ref.name(), e);
    }
  }

  private void save(DatasetRef ref, SchemaContract contract, Runnable afterSave) {
    tasks.submit(
        "Saving the contract of " + ref.name(),
        p -> {
          service.saveContract(contract);
          return contract;
        },
        c -> afterSave.run(),
        e -> errors.show("Save the contract of " + ref.name(), e));
  }
}
