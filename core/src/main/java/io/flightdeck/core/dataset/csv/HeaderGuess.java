package io.flightdeck.core.dataset.csv;

import io.flightdeck.core.dataset.ColumnType;
import java.util.List;

/**
 * Decides whether the first record is a header: each column whose other values have a type (number,
 * boolean, timestamp) votes "header" when the first value does not fit that type and "data" when it
 * does. Ties, and files without typed columns, count as a header (most CSV files have one; the user
 * can say otherwise in the preview).
 */
final class HeaderGuess {
  private HeaderGuess() {}

  static boolean hasHeader(List<String[]> records) {
    if (records.size() < 2) {
      return true;
    }
    String[] first = records.get(0);
    int headerVotes = 0;
    int dataVotes = 0;
    ValueParser parser = new ValueParser();
    for (int c = 0; c < first.length; c++) {
      TypeInferrer rest = new TypeInferrer(parser);
      for (int r = 1; r < records.size(); r++) {
        String[] rec = records.get(r);
        if (rec.length == first.length) {
          rest.accept(rec[c]);
        }
      }
      TypeInferrer.Result type = rest.result("");
      if (type.type().isString() || type.type() == ColumnType.TEXT || type.nonEmpty() == 0) {
        continue;
      }
      TypeInferrer one = new TypeInferrer(parser);
      one.accept(first[c]);
      TypeInferrer.Result head = one.result("");
      if (first[c].isEmpty() || fits(type, head)) {
        dataVotes++;
      } else {
        headerVotes++;
      }
    }
    return headerVotes >= dataVotes;
  }

  private static boolean fits(TypeInferrer.Result column, TypeInferrer.Result value) {
    ColumnType c = column.type();
    ColumnType v = value.type();
    if (c == v) {
      return c != ColumnType.TIMESTAMP || column.format().equals(value.format());
    }
    return c == ColumnType.DECIMAL && v == ColumnType.INTEGER;
  }
}
