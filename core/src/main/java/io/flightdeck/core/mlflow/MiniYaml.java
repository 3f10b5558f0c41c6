package io.flightdeck.core.mlflow;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat YAML that MLflow writes into meta.yaml: one {@code key: value} per line, values plain,
 * 'single-quoted' or "double-quoted", {@code null}/{@code ~}/empty as null, {@code []} and {@code
 * {}} as null; long plain or quoted values may continue on indented lines (folded with a space).
 * Anything else (nested maps, lists, block scalars, anchors) is refused naming the file and line.
 * Stateless.
 */
final class MiniYaml {
  private MiniYaml() {}

  static Map<String, String> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      int lineNo = ++i;
      if (line.isBlank() || line.startsWith("#") || line.equals("---")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        throw bad(file, lineNo, "an indented line outside a value");
      }
      int colon = line.indexOf(": ");
      if (colon < 0 && line.endsWith(":")) {
        colon = line.length() - 1;
      }
      if (colon <= 0) {
        throw bad(file, lineNo, "no 'key: value'");
      }
      String key = line.substring(0, colon).trim();
      StringBuilder raw = new StringBuilder(line.substring(colon + 1).trim());
      while (i < lines.size()
          && !lines.get(i).isEmpty()
          && Character.isWhitespace(lines.get(i).charAt(0))) {
        if (raw.length() == 0) {
          throw bad(file, i + 1, "a nested value under '" + key + "'");
        }
        raw.append(' ').append(lines.get(i).trim());
        i++;
      }
      out.put(key, value(file, lineNo, key, raw.toString()));
    }
    return out;
  }

  private static String value(Path file, int lineNo, String key, String raw) {
    if (raw.isEmpty() || raw.equals("null") || raw.equals("~") || raw.equals("Null")) {
      return null;
    }
    if (raw.equals("[]") || raw.equals("{}")) {
      return null;
    }
    char c = raw.charAt(0);
    if (c == '\'') {
      if (raw.length() < 2 || !raw.endsWith("'")) {
        throw bad(file, lineNo, "an unterminated quoted value for '" + key + "'");
      }
      return raw.substring(1, raw.length() - 1).replace("''", "'");
    }
    if (c == '"') {
      if (raw.length() < 2 || !raw.endsWith("\"")) {
        throw bad(file, lineNo, "an unterminated quoted value for '" + key + "'");
      }
      return unescape(file, lineNo, raw.substring(1, raw.length() - 1));
    }
    if ("[{|>&*!%@`-".indexOf(c) >= 0 && !(c == '-' && raw.length() > 1 && isDigit(raw, 1))) {
      throw bad(file, lineNo, "a value for '" + key + "' that is not a plain text or number");
    }
    int comment = raw.indexOf(" #");
    return comment >= 0 ? raw.substring(0, comment).trim() : raw;
  }

  private static boolean isDigit(String s, int i) {
    return Character.isDigit(s.charAt(i));
  }

  private static String unescape(Path file, int lineNo, String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw bad(file, lineNo, "a dangling '\\'");
      }
      char e = s.charAt(i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case '0' -> b.append('\0');
        case ' ' -> b.append(' ');
        case '"', '\\', '/' -> b.append(e);
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          try {
            b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
          } catch (NumberFormatException | IndexOutOfBoundsException ex) {
            throw bad(file, lineNo, "a bad '\\" + e + "' escape");
          }
          i += len;
        }
        default -> throw bad(file, lineNo, "an unknown escape '\\" + e + "'");
      }
    }
    return b.toString();
  }

  static FlightdeckException bad(Path file, int line, String what) {
    return new FlightdeckException(
        "Cannot read " + file + " line " + line + ": " + what + ".",
        "Flightdeck reads the flat 'key: value' YAML that MLflow writes; fix or remove that line.");
  }

  /** A YAML scalar that reads back as exactly {@code s}: plain when safe, else quoted. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    if (s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          case '\r' -> b.append("\\r");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              b.append(String.format("\\x%02x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }
    return "'" + s.replace("'", "''") + "'";
  }
}
