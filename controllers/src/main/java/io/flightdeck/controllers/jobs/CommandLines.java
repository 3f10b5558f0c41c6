package io.flightdeck.controllers.jobs;

import io.flightdeck.core.error.FlightdeckException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line typed by the user into words, as a POSIX shell would for quoting only:
 * single quotes keep everything, double quotes keep everything but {@code \"} and {@code \\}, a
 * backslash outside quotes escapes the next character. Nothing is expanded or executed.
 */
final class CommandLines {
  private CommandLines() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quote == '\'') {
        if (ch == '\'') {
          quote = 0;
        } else {
          w.append(ch);
        }
      } else if (quote == '"') {
        if (ch == '"') {
          quote = 0;
        } else if (ch == '\\' && i + 1 < line.length() && "\"\\".indexOf(line.charAt(i + 1)) >= 0) {
          w.append(line.charAt(++i));
        } else {
          w.append(ch);
        }
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (ch == '\'' || ch == '"') {
          quote = ch;
        } else if (ch == '\\' && i + 1 < line.length()) {
          w.append(line.charAt(++i));
        } else {
          w.append(ch);
        }
      }
    }
    if (quote != 0) {
      throw new FlightdeckException(
          "The command has an unclosed " + (quote == '\'' ? "single" : "double") + " quote.",
          "Close the quote.");
    }
    if (inWord) {
      words.add(w.toString());
    }
    if (words.isEmpty()) {
      throw new FlightdeckException("No command was given.", "Type the program and its arguments.");
    }
    return words;
  }
}
