package io.flightdeck.core.tracking.query;

import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.query.Lexer.Kind;
import io.flightdeck.core.tracking.query.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Recursive descent over the filter grammar; builds the predicate as it goes. Not thread-safe. */
final class Parser {
  static final String OPERATORS = "a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE)";
  private final List<Token> tokens;
  private int i;

  Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  Predicate<RunRow> filter() {
    Predicate<RunRow> p = or();
    if (peek().kind() != Kind.END) {
      throw unexpected(peek(), "'and', 'or' or the end of the filter");
    }
    return p;
  }

  private Token peek() {
    return tokens.get(i);
  }

  private Token take() {
    return tokens.get(i++);
  }

  static RunFilterException unexpected(Token t, String expected) {
    return new RunFilterException(
        "Unexpected " + t.shown() + " at column " + t.column() + ": expected " + expected + ".",
        t.column(),
        t.raw());
  }

  private Predicate<RunRow> or() {
    Predicate<RunRow> p = and();
    while (peek().isWord("or")) {
      take();
      Predicate<RunRow> left = p;
      Predicate<RunRow> right = and();
      p = r -> left.test(r) || right.test(r);
    }
    return p;
  }

  private Predicate<RunRow> and() {
    Predicate<RunRow> p = primary();
    while (peek().isWord("and")) {
      take();
      Predicate<RunRow> left = p;
      Predicate<RunRow> right = primary();
      p = r -> left.test(r) && right.test(r);
    }
    return p;
  }

  private Predicate<RunRow> primary() {
    Token t = take();
    if (t.kind() == Kind.LPAREN) {
      Predicate<RunRow> inner = or();
      if (peek().kind() != Kind.RPAREN) {
        throw unexpected(peek(), "')' to close the '(' at column " + t.column());
      }
      take();
      return inner;
    }
    if (t.kind() != Kind.REF) {
      throw unexpected(t, "a clause like metrics.auc > 0.9 or params.lr = '0.01'");
    }
    Field f = Field.of(t);
    return f.numeric() ? numeric(f, t) : text(f, t);
  }

  private Predicate<RunRow> numeric(Field f, Token ref) {
    Token op = take();
    if (op.kind() != Kind.OP) {
      if (op.isWord("like") || op.isWord("ilike") || op.isWord("in") || op.isWord("not")) {
        throw new RunFilterException(
            "Unexpected "
                + op.shown()
                + " at column "
                + op.column()
                + ": "
                + ref.raw()
                + " is a number; use =, !=, <, <=, >, >=.",
            op.column(),
            op.raw());
      }
      throw unexpected(op, OPERATORS);
    }
    Token v = take();
    if (v.kind() != Kind.NUMBER) {
      throw unexpected(v, "a number after '" + op.raw() + "'");
    }
    double x = Double.parseDouble(v.value());
    DoublePredicate cmp =
        switch (op.text()) {
          case "=" -> d -> d == x;
          case "!=" -> d -> d != x;
          case "<" -> d -> d < x;
          case "<=" -> d -> d <= x;
          case ">" -> d -> d > x;
          default -> d -> d >= x;
        };
    return r -> f.present(r) && cmp.test(f.number(r));
  }

  private Predicate<RunRow> text(Field f, Token ref) {
    Token op = take();
    boolean negate = false;
    if (op.isWord("not")) {
      negate = true;
      op = take();
      if (!op.isWord("in")) {
        throw unexpected(op, "'IN' after 'NOT'");
      }
    }
    if (op.isWord("in")) {
      Set<String> values = Set.copyOf(list());
      boolean in = !negate;
      return r -> {
        String s = f.text(r);
        return s != null && values.contains(s) == in;
      };
    }
    if (op.isWord("like") || op.isWord("ilike")) {
      Pattern p = like(string(op).value(), op.isWord("ilike"));
      return r -> {
        String s = f.text(r);
        return s != null && p.matcher(s).matches();
      };
    }
    if (op.kind() == Kind.OP && (op.text().equals("=") || op.text().equals("!="))) {
      String value = string(op).value();
      boolean eq = op.text().equals("=");
      return r -> {
        String s = f.text(r);
        return s != null && s.equals(value) == eq;
      };
    }
    if (op.kind() == Kind.OP) {
      throw new RunFilterException(
          "Unexpected "
              + op.shown()
              + " at column "
              + op.column()
              + ": "
              + ref.raw()
              + " is text; use =, !=, LIKE, ILIKE or IN.",
          op.column(),
          op.raw());
    }
    throw unexpected(op, OPERATORS);
  }

  private Token string(Token op) {
    Token v = take();
    if (v.kind() != Kind.STRING) {
      throw unexpected(v, "a quoted value after '" + op.raw() + "', e.g. '0.01'");
    }
    return v;
  }

  private List<String> list() {
    Token open = take();
    if (open.kind() != Kind.LPAREN) {
      throw unexpected(open, "'(' to start a list like ('a', 'b')");
    }
    List<String> values = new ArrayList<>();
    while (true) {
      Token v = take();
      if (v.kind() != Kind.STRING) {
        throw unexpected(v, "a quoted value in the list");
      }
      values.add(v.value());
      Token sep = take();
      if (sep.kind() == Kind.RPAREN) {
        return values;
      }
      if (sep.kind() != Kind.COMMA) {
        throw unexpected(sep, "',' or ')' in the list");
      }
    }
  }

  /** SQL LIKE as a regex: % any run, _ one character, everything else literal. */
  static Pattern like(String pattern, boolean ignoreCase) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '%' || c == '_') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(re.toString(), flags);
  }
}
