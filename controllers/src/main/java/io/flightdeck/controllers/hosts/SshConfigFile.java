package io.flightdeck.controllers.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Host aliases of an OpenSSH client config ({@code ~/.ssh/config}) with the settings the Add
 * Host dialog can use: HostName, Port, User, IdentityFile. Follows ssh's rule that the first value
 * obtained wins, scanning blocks in file order and applying every block whose patterns match the
 * alias ({@code Host *} included). Aliases with wildcards or negations are not offered; Match
 * blocks and Include are skipped (their conditions cannot be evaluated here).
 */
public final class SshConfigFile {
  private static final Set<String> KEYS = Set.of("hostname", "port", "user", "identityfile");

  /**
   * One alias, as ssh would resolve it.
   *
   * @param alias the name after {@code Host}
   * @param hostname the HostName ({@code %h} expanded), or the alias when none is given
   * @param port the Port as written; empty when none is given
   * @param user the User; empty when none is given
   * @param identityFile the first IdentityFile ({@code %d} as {@code ~}); empty when none
   */
  public record Entry(
      String alias, String hostname, String port, String user, String identityFile) {}

  private record Block(List<String> patterns, boolean all, Map<String, String> values) {}

  private SshConfigFile() {}

  /** Reads and parses a config file; an absent file has no entries. Blocks on the disk. */
  public static List<Entry> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses config text. Never fails: lines it does not understand are skipped, as ssh warns. */
  public static List<Entry> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    Block current = new Block(List.of(), true, new LinkedHashMap<>());
    blocks.add(current);
    Set<String> aliases = new LinkedHashSet<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] kv = line.split("\\s*=\\s*|\\s+", 2);
      String key = kv[0].toLowerCase(Locale.ROOT);
      List<String> args = kv.length > 1 ? tokens(kv[1]) : List.of();
      if (key.equals("host")) {
        current = new Block(args, false, new LinkedHashMap<>());
        blocks.add(current);
        args.stream().filter(SshConfigFile::plain).forEach(aliases::add);
      } else if (key.equals("match")) {
        current = new Block(List.of(), false, new LinkedHashMap<>());
        blocks.add(current);
      } else if (KEYS.contains(key) && !args.isEmpty()) {
        current.values().putIfAbsent(key, args.get(0));
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (String alias : aliases) {
      Map<String, String> v = new LinkedHashMap<>();
      for (Block b : blocks) {
        if (b.all() || matches(b.patterns(), alias)) {
          b.values().forEach(v::putIfAbsent);
        }
      }
      String hostname = expand(v.getOrDefault("hostname", "%h"), alias, "");
      String user = v.getOrDefault("user", "");
      entries.add(
          new Entry(
              alias,
              hostname,
              v.getOrDefault("port", ""),
              user,
              expand(v.getOrDefault("identityfile", ""), hostname, user)));
    }
    return List.copyOf(entries);
  }

  private static boolean plain(String pattern) {
    return !pattern.isEmpty() && pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '!');
  }

  private static boolean matches(List<String> patterns, String alias) {
    boolean any = false;
    for (String p : patterns) {
      boolean negated = p.startsWith("!");
      if (glob(negated ? p.substring(1) : p).matcher(alias).matches()) {
        if (negated) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }

  /** Splits arguments at white space, keeping double-quoted parts together. */
  private static List<String> tokens(String args) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : args.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(cur.toString());
    }
    return out;
  }

  /**
   * Expands {@code %h} (the host), {@code %r} (the user, when known), {@code %d} (as {@code ~}) and
   * {@code %%}; other tokens stay as written.
   */
  private static String expand(String value, String host, String user) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 1 < value.length()) {
        char t = value.charAt(++i);
        switch (t) {
          case 'h' -> out.append(host);
          case 'r' -> out.append(user.isEmpty() ? "%r" : user);
          case 'd' -> out.append('~');
          case '%' -> out.append('%');
          default -> out.append('%').append(t);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
