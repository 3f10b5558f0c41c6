package io.flightdeck.core.registry;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The block YAML that MLflow writes into an {@code MLmodel} file: nested maps by indentation, lists
 * of scalars ({@code - item}), plain, 'single' or "double" quoted scalars (quoted ones may be
 * folded over several lines), {@code null}, {@code []} and {@code {}}. Anchors, tags, block scalars
 * and flow collections with content are refused naming the file and line. Stateless.
 */
final class NestedYaml {
  private record Line(int no, int indent, String text) {}

  private final Path file;
  private final List<Line> lines = new ArrayList<>();
  private int pos;

  private NestedYaml(Path file, List<String> raw) {
    this.file = file;
    for (int i = 0; i < raw.size(); i++) {
      String l = raw.get(i);
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("---")) {
        continue;
      }
      if (l.indexOf('\t') >= 0 && l.indexOf('\t') < l.length() - l.stripLeading().length()) {
        throw bad(i + 1, "a tab in the indentation");
      }
      lines.add(new Line(i + 1, l.length() - l.stripLeading().length(), t));
    }
  }

  /** Reads the file into nested maps, lists and strings (null for YAML null). */
  static Map<String, Object> read(Path file) throws IOException {
    NestedYaml y = new NestedYaml(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    if (y.lines.isEmpty()) {
      return Map.of();
    }
    Object top = y.block(y.lines.get(0).indent());
    if (!(top instanceof Map<?, ?>) || y.pos < y.lines.size()) {
      throw y.bad(y.pos < y.lines.size() ? y.lines.get(y.pos).no() : 1, "not a map of keys");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) top;
    return map;
  }

  private Object block(int indent) {
    Line first = lines.get(pos);
    if (first.text().startsWith("- ") || first.text().equals("-")) {
      List<Object> list = new ArrayList<>();
      while (pos < lines.size() && lines.get(pos).indent() == indent && isItem(lines.get(pos))) {
        Line l = lines.get(pos++);
        list.add(l.text().equals("-") ? null : scalar(l, l.text().substring(2).strip()));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    while (pos < lines.size() && lines.get(pos).indent() == indent && !isItem(lines.get(pos))) {
      Line l = lines.get(pos++);
      int colon = l.text().indexOf(": ");
      if (colon < 0 && l.text().endsWith(":")) {
        colon = l.text().length() - 1;
      }
      if (colon <= 0) {
        throw bad(l.no(), "no 'key: value'");
      }
      String key = unquoteKey(l.text().substring(0, colon).strip());
      String rest = l.text().substring(colon + 1).strip();
      if (!rest.isEmpty()) {
        map.put(key, scalar(l, rest));
      } else if (pos < lines.size()
          && (lines.get(pos).indent() > indent
              || (lines.get(pos).indent() == indent && isItem(lines.get(pos))))) {
        map.put(key, block(lines.get(pos).indent()));
      } else {
        map.put(key, null);
      }
    }
    if (pos < lines.size() && lines.get(pos).indent() > indent) {
      throw bad(lines.get(pos).no(), "an unexpected indentation");
    }
    return map;
  }

  private static boolean isItem(Line l) {
    return l.text().startsWith("- ") || l.text().equals("-");
  }

  private static String unquoteKey(String k) {
    if (k.length() >= 2
        && (k.startsWith("'") && k.endsWith("'") || k.startsWith("\"") && k.endsWith("\""))) {
      return k.substring(1, k.length() - 1);
    }
    return k;
  }

  private Object scalar(Line l, String raw) {
    char c = raw.charAt(0);
    if (c == '\'' || c == '"') {
      StringBuilder b = new StringBuilder(raw);
      while (!closed(b.toString(), c)) {
        if (pos >= lines.size()) {
          throw bad(l.no(), "an unterminated quoted value");
        }
        b.append(' ').append(lines.get(pos++).text());
      }
      String s = b.toString();
      String inner = s.substring(1, s.length() - 1);
      return c == '\'' ? inner.replace("''", "'") : unescape(l, inner);
    }
    if (raw.equals("null") || raw.equals("~") || raw.equals("Null") || raw.equals("NULL")) {
      return null;
    }
    if (raw.equals("[]")) {
      return List.of();
    }
    if (raw.equals("{}")) {
      return Map.of();
    }
    if ("[{|>&*!%@`".indexOf(c) >= 0) {
      throw bad(l.no(), "a value that is not a plain text, number or quoted text");
    }
    int comment = raw.indexOf(" #");
    return comment >= 0 ? raw.substring(0, comment).strip() : raw;
  }

  /** Whether a quoted scalar that starts with {@code q} ends on this text. */
  private static boolean closed(String s, char q) {
    int i = 1;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (q == '"' && ch == '\\') {
        i += 2;
        continue;
      }
      if (ch == q) {
        if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i == s.length() - 1;
      }
      i++;
    }
    return false;
  }

  private String unescape(Line l, String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '\\') {
        b.append(ch);
        continue;
      }
      if (++i >= s.length()) {
        throw bad(l.no(), "a dangling '\\'");
      }
      char e = s.charAt(i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case '"', '\\', '/', ' ' -> b.append(e);
        default -> throw bad(l.no(), "an unsupported escape '\\" + e + "'");
      }
    }
    return b.toString();
  }

  private FlightdeckException bad(int line, String what) {
    return new FlightdeckException(
        "Cannot read " + file + " line " + line + ": " + what + ".",
        "Flightdeck reads the block YAML that MLflow writes into MLmodel; fix that line.");
  }
}
