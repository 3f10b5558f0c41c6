package io.flightdeck.core.registry;

import io.flightdeck.core.error.FlightdeckException;
import java.util.regex.Pattern;

/**
 * Name rules of the registry, the same everywhere. Model names: 1..256 characters of letters,
 * digits, '_', '-', '.', ' ', not starting or ending with a space. Aliases (MLflow's rules): 1..255
 * characters of letters, digits, '_' and '-'; {@code latest} and {@code v<digits>} are reserved
 * (any case) because they already name versions.
 */
public final class RegistryNames {
  private static final Pattern MODEL =
      Pattern.compile(
          "^[\\w.\\-][\\w.\\- ]{0,254}[\\w.\\-]$|^[\\w.\\-]$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern ALIAS = Pattern.compile("^[A-Za-z0-9_\\-]{1,255}$");
  private static final Pattern VERSION_LIKE = Pattern.compile("^[vV]\\d+$");

  private RegistryNames() {}

  public static String modelName(String name) {
    if (name == null || !MODEL.matcher(name).matches()) {
      throw new FlightdeckException(
          "'" + name + "' is not a valid model name.",
          "Use 1 to 256 letters, digits, '_', '-', '.' or inner spaces, e.g. 'weather-classifier'.");
    }
    return name;
  }

  public static String alias(String alias) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new FlightdeckException(
          "'" + alias + "' is not a valid alias.",
          "Use 1 to 255 letters, digits, '_' or '-', e.g. 'champion'.");
    }
    if (alias.equalsIgnoreCase("latest") || VERSION_LIKE.matcher(alias).matches()) {
      throw new FlightdeckException(
          "The alias '" + alias + "' is reserved: 'latest' and 'v<number>' already name versions.",
          "Choose another name, e.g. 'champion' or 'challenger'.");
    }
    return alias;
  }
}
