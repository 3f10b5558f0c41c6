package io.flightdeck.core.tracking.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter or sort expression into tokens; columns are 1-based. Not thread-safe. */
final class Lexer {
  enum Kind {
    /** entity.key: {@code text} is the entity, {@code value} the key. */
    REF,
    /** a bare word: and, or, like, ilike, in, not, asc, desc, or a misplaced word */
    WORD,
    STRING,
    NUMBER,
    OP,
    LPAREN,
    RPAREN,
    COMMA,
    END
  }

  /** One token: {@code raw} is the source text, {@code value} the unquoted content. */
  record Token(Kind kind, String raw, String text, String value, int column) {
    boolean isWord(String w) {
      return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }

    String shown() {
      return kind == Kind.END ? "end of the expression" : "'" + raw + "'";
    }
  }

  private final String src;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String src) {
    Lexer l = new Lexer(src);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = l.next();
      out.add(t);
    } while (t.kind() != Kind.END);
    return out;
  }

  private Token next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= src.length()) {
      return new Token(Kind.END, "", "", "", pos + 1);
    }
    char c = src.charAt(pos);
    if (c == '(' || c == ')' || c == ',') {
      pos++;
      Kind k = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA;
      return new Token(k, String.valueOf(c), String.valueOf(c), "", start + 1);
    }
    if (c == '\'' || c == '"') {
      String v = quoted(c);
      return token(Kind.STRING, start, "", v);
    }
    if (c == '=' || c == '!' || c == '<' || c == '>') {
      pos++;
      if (pos < src.length() && src.charAt(pos) == '=' || c == '<' && peek('>')) {
        pos++;
      }
      String op = src.substring(start, pos);
      if (op.equals("!")) {
        throw new RunFilterException(
            "Unexpected '!' at column " + (start + 1) + ": expected '!='.", start + 1, "!");
      }
      return token(Kind.OP, start, op.equals("==") ? "=" : op.equals("<>") ? "!=" : op, "");
    }
    if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < src.length())) {
      int end = numberEnd(pos);
      if (end > pos) {
        pos = end;
        String n = src.substring(start, end);
        return token(Kind.NUMBER, start, n, n);
      }
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String word = src.substring(start, pos);
      if (peek('.')) {
        pos++;
        String key = key(start);
        return token(Kind.REF, start, word, key);
      }
      return token(Kind.WORD, start, word, word);
    }
    pos++;
    String bad = src.substring(start, pos);
    throw new RunFilterException(
        "Unexpected '" + bad + "' at column " + (start + 1) + ".", start + 1, bad);
  }

  private Token token(Kind kind, int start, String text, String value) {
    return new Token(kind, src.substring(start, pos), text, value, start + 1);
  }

  private boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  /** The key after "entity.": backquoted, double-quoted, or up to a space, operator or paren. */
  private String key(int refStart) {
    if (peek('`') || peek('"')) {
      return quoted(src.charAt(pos));
    }
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c) || "=!<>(),'\"`".indexOf(c) >= 0) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      String ref = src.substring(refStart, pos);
      throw new RunFilterException(
          "Unexpected "
              + (pos < src.length() ? "'" + src.charAt(pos) + "'" : "end of the expression")
              + " at column "
              + (pos + 1)
              + ": expected a key after '"
              + ref
              + "'.",
          pos + 1,
          pos < src.length() ? String.valueOf(src.charAt(pos)) : "");
    }
    return src.substring(start, pos);
  }

  /**
   * Reads a quoted text starting at pos; the quote doubled or backslash-escaped stands for itself.
   */
  private String quoted(char q) {
    int start = pos;
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < src.length()) {
        b.append(src.charAt(pos + 1));
        pos += 2;
      } else if (c == q && pos + 1 < src.length() && src.charAt(pos + 1) == q) {
        b.append(q);
        pos += 2;
      } else if (c == q) {
        pos++;
        return b.toString();
      } else {
        b.append(c);
        pos++;
      }
    }
    String shown = src.substring(start, Math.min(src.length(), start + 20));
    throw new RunFilterException(
        "Unterminated text '"
            + shown
            + "' at column "
            + (start + 1)
            + ": add the closing "
            + q
            + ".",
        start + 1,
        shown);
  }

  /** End of a number starting at {@code i} (sign, digits, fraction, exponent), or i if none. */
  private int numberEnd(int i) {
    int j = i;
    if (j < src.length() && (src.charAt(j) == '-' || src.charAt(j) == '+')) {
      j++;
    }
    int digits = 0;
    while (j < src.length() && Character.isDigit(src.charAt(j))) {
      j++;
      digits++;
    }
    if (j < src.length() && src.charAt(j) == '.') {
      j++;
      while (j < src.length() && Character.isDigit(src.charAt(j))) {
        j++;
        digits++;
      }
    }
    if (digits == 0) {
      return i;
    }
    if (j < src.length() && (src.charAt(j) == 'e' || src.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < src.length() && (src.charAt(k) == '-' || src.charAt(k) == '+')) {
        k++;
      }
      int expDigits = 0;
      while (k < src.length() && Character.isDigit(src.charAt(k))) {
        k++;
        expDigits++;
      }
      if (expDigits > 0) {
        j = k;
      }
    }
    return j;
  }
}
