package io.flightdeck.core.dataset.csv;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.EncodingProblem;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.TextEncoding;
import io.flightdeck.core.error.FlightdeckException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at the start of a CSV file (up to {@value #SAMPLE_BYTES} bytes, at most {@value
 * #SAMPLE_ROWS} rows) and proposes how to import it: encoding, delimiter, header, column names,
 * types and roles. Stateless and thread-safe; blocking file I/O.
 */
public final class CsvPreviewer {
  /** How many bytes (uncompressed) the preview reads. */
  public static final int SAMPLE_BYTES = 4 << 20;

  /** How many rows type inference looks at, at most. */
  public static final int SAMPLE_ROWS = 10_000;

  private static final int SNIFF_RECORDS = 200;

  /**
   * Previews a file.
   *
   * @param file the CSV or {@code .csv.gz} file
   * @param encoding the encoding to use, or empty to detect it (UTF-8 with or without BOM; on
   *     invalid UTF-8 the preview is decoded as Latin-1 and says where UTF-8 failed)
   * @param dialect a dialect to use instead of detecting delimiter and header, or empty
   * @throws FlightdeckException when the file is missing, empty, binary, UTF-16, or its first line
   *     is longer than the sample
   */
  public ImportPreview preview(
      Path file, Optional<TextEncoding> encoding, Optional<CsvDialect> dialect) {
    Sample sample = readSample(file);
    Optional<EncodingProblem> problem = Optional.empty();
    TextEncoding enc;
    if (encoding.isPresent()) {
      enc = encoding.get();
    } else if (sample.hasBom()) {
      enc = TextEncoding.UTF_8_BOM;
    } else {
      problem = Utf8Check.firstProblem(sample.bytes, sample.complete);
      enc = problem.isPresent() ? TextEncoding.LATIN_1 : TextEncoding.UTF_8;
    }
    String decoded = decode(sample, enc, file);
    if (!sample.complete) {
      int nl = decoded.lastIndexOf('\n');
      if (nl < 0) {
        throw new FlightdeckException(
            "The first line of "
                + file
                + " is longer than "
                + (SAMPLE_BYTES >> 20)
                + " MB, so it cannot be previewed.",
            "Is this really a CSV file? Lines of a CSV file end with a line break.");
      }
      decoded = decoded.substring(0, nl + 1);
    }
    String text = decoded;
    if (text.isBlank()) {
      throw new FlightdeckException(
          "The file " + file + " has no data: it is empty or holds only blank lines.",
          "Choose a CSV file with a header line and at least one row.");
    }
    char delimiter = dialect.map(CsvDialect::delimiter).orElseGet(() -> sniffDelimiter(text));
    char quote = dialect.map(CsvDialect::quote).orElse('"');
    CsvDialect probe = new CsvDialect(delimiter, true, quote, enc);
    List<String[]> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    parse(text, probe, SAMPLE_ROWS + 1, records, lines);
    boolean header =
        dialect.map(CsvDialect::header).orElseGet(() -> HeaderGuess.hasHeader(records));
    CsvDialect chosen = new CsvDialect(delimiter, header, quote, enc);
    return build(file, chosen, records, lines, problem);
  }

  private ImportPreview build(
      Path file,
      CsvDialect dialect,
      List<String[]> records,
      List<Long> lines,
      Optional<EncodingProblem> encodingProblem) {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int width = dialect.header() ? records.get(0).length : modalWidth(records);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      names.add(dialect.header() ? records.get(0)[i].strip() : "column_" + (i + 1));
    }
    checkNames(names, problems);
    int firstData = dialect.header() ? 1 : 0;
    if (records.size() <= firstData) {
      problems.add("The file has a header line but no data rows.");
    }
    ValueParser parser = new ValueParser();
    List<TypeInferrer> inferrers = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      inferrers.add(new TypeInferrer(parser));
    }
    List<List<String>> rows = new ArrayList<>();
    int ragged = 0;
    long sampled = 0;
    for (int r = firstData; r < records.size(); r++) {
      String[] rec = records.get(r);
      if (rec.length == 1 && rec[0].isEmpty() && width > 1) {
        continue; // an empty line
      }
      if (rec.length != width) {
        if (ragged++ < 5) {
          problems.add(
              "Line "
                  + lines.get(r)
                  + " has "
                  + rec.length
                  + " fields where the header has "
                  + width
                  + " (a ragged row): fix the file or skip bad rows.");
        }
        continue;
      }
      sampled++;
      for (int c = 0; c < width; c++) {
        inferrers.get(c).accept(rec[c]);
      }
      if (rows.size() < ImportPreview.PREVIEW_ROWS) {
        rows.add(List.of(rec));
      }
    }
    if (ragged > 5) {
      problems.add((ragged - 5) + " more ragged rows in the rows sampled.");
    }
    List<ColumnSpec> columns = new ArrayList<>();
    boolean timeTaken = false;
    for (int c = 0; c < width; c++) {
      TypeInferrer.Result res = inferrers.get(c).result(names.get(c));
      if (!res.note().isEmpty()) {
        notes.add(res.note());
      }
      ColumnRole role = suggestRole(names.get(c), res, timeTaken);
      timeTaken |= role == ColumnRole.TIME;
      columns.add(new ColumnSpec(names.get(c), res.type(), role, res.format()));
    }
    encodingProblem.ifPresent(
        p ->
            notes.add(
                "The file is not valid UTF-8 ("
                    + p.message()
                    + "); it is shown as Latin-1 (ISO-8859-1). Accept Latin-1 to import it."));
    return new ImportPreview(
        file, dialect, columns, rows, sampled, encodingProblem, problems, notes);
  }

  private static void checkNames(List<String> names, List<String> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n.isEmpty()) {
        problems.add("Column " + (i + 1) + " has an empty name in the header (line 1).");
      } else {
        Integer before = seen.putIfAbsent(n, i);
        if (before != null) {
          problems.add(
              "Columns "
                  + (before + 1)
                  + " and "
                  + (i + 1)
                  + " have the same name '"
                  + n
                  + "' in the header (line 1).");
        }
      }
    }
  }

  private static ColumnRole suggestRole(String name, TypeInferrer.Result res, boolean timeTaken) {
    String n = name.toLowerCase(Locale.ROOT);
    if (res.type() == ColumnType.TIMESTAMP && !timeTaken) {
      return ColumnRole.TIME;
    }
    boolean idName = n.equals("id") || n.endsWith("_id");
    if (idName && res.nonEmpty() > 1 && res.distinct() == res.nonEmpty()) {
      return ColumnRole.ID;
    }
    if (n.equals("target") || n.equals("label")) {
      return ColumnRole.TARGET;
    }
    return ColumnRole.FEATURE;
  }

  private static int modalWidth(List<String[]> records) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String[] r : records) {
      counts.merge(r.length, 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(1);
  }

  static char sniffDelimiter(String text) {
    char best = ',';
    double bestScore = -1;
    int bestWidth = 1;
    for (char d : CsvDialect.DELIMITERS.toCharArray()) {
      List<String[]> recs = new ArrayList<>();
      parse(text, new CsvDialect(d, true, '"', TextEncoding.UTF_8), SNIFF_RECORDS, recs, null);
      recs.removeIf(r -> r.length == 1 && r[0].isEmpty());
      if (recs.isEmpty()) {
        continue;
      }
      int width = modalWidth(recs);
      if (width < 2) {
        continue;
      }
      long same = recs.stream().filter(r -> r.length == width).count();
      double score = (double) same / recs.size();
      if (score > bestScore || (score == bestScore && width > bestWidth)) {
        best = d;
        bestScore = score;
        bestWidth = width;
      }
    }
    return best;
  }

  /** Parses records from text; stops quietly at a quoting error (the import will name it). */
  static void parse(
      String text, CsvDialect dialect, int max, List<String[]> out, List<Long> lines) {
    try (var parser =
        org.apache.commons.csv.CSVParser.parse(
            new java.io.StringReader(text), dialect.toFormat())) {
      long nextLine = 1;
      for (var rec : parser) {
        out.add(rec.values());
        if (lines != null) {
          lines.add(nextLine);
        }
        nextLine = parser.getCurrentLineNumber() + 1;
        if (out.size() >= max) {
          break;
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      // A quoting error in the sample: keep the records before it.
    }
  }

  private record Sample(byte[] bytes, boolean complete) {
    boolean hasBom() {
      return bytes.length >= 3
          && (bytes[0] & 0xFF) == 0xEF
          && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF;
    }
  }

  private static Sample readSample(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FlightdeckException(
          "The file " + file + " does not exist or is not a regular file.",
          "Check the path and choose a CSV file.");
    }
    try {
      if (Files.size(file) == 0) {
        throw new FlightdeckException(
            "The file " + file + " is empty (0 bytes).",
            "Choose a CSV file with a header line and at least one row.");
      }
      try (SourceStream src = SourceStream.open(file);
          InputStream data = src.data()) {
        byte[] bytes = data.readNBytes(SAMPLE_BYTES);
        boolean complete = data.read() < 0;
        checkBinary(file, bytes);
        return new Sample(bytes, complete);
      }
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot read " + file + ": " + e.getMessage() + ".",
          "Check that the file is readable (and, for .gz, not truncated).",
          e);
    }
  }

  private static void checkBinary(Path file, byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
            || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
      throw new FlightdeckException(
          "The file " + file + " is UTF-16 text (it starts with a UTF-16 byte-order mark).",
          "Save it as UTF-8 (or Latin-1) CSV and import it again.");
    }
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        throw new FlightdeckException(
            "The file " + file + " is not text: byte " + i + " is a NUL byte.",
            "Choose a CSV file (text with one record per line).");
      }
    }
  }

  private static String decode(Sample sample, TextEncoding enc, Path file) {
    try (DecodingReader r =
        new DecodingReader(new ByteArrayInputStream(sample.bytes), enc, Long.MAX_VALUE)) {
      StringBuilder b = new StringBuilder(sample.bytes.length);
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf, 0, buf.length)) >= 0) {
        b.append(buf, 0, n);
      }
      return b.toString();
    } catch (DecodingReader.BadBytesException e) {
      if (!sample.complete && e.problem().byteOffset() >= sample.bytes.length - 4) {
        // a multi-byte character cut by the end of the sample
        return decodePrefix(sample, enc, (int) e.problem().byteOffset(), file);
      }
      throw new FlightdeckException(
          "The file "
              + file
              + " is not valid "
              + enc.label()
              + " text: "
              + e.problem().message()
              + ".",
          "If it is Latin-1 (ISO-8859-1), choose that encoding (--encoding latin-1).",
          e);
    } catch (IOException e) {
      throw new FlightdeckException("Cannot read " + file + ": " + e.getMessage() + ".", "", e);
    }
  }

  private static String decodePrefix(Sample sample, TextEncoding enc, int length, Path file) {
    byte[] cut = java.util.Arrays.copyOf(sample.bytes, length);
    return decode(new Sample(cut, true), enc, file);
  }
}
