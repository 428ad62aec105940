package ad.core.data;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.UserException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever CSV file a user points a spec at, loading it either succeeds with exactly the rows,
 * columns and labels the file holds, or fails with a {@link UserException} whose message names the
 * file: never another exception.
 *
 * <p>Each case is a small table (features, optional categorical and metadata columns, a label
 * column), possibly mutated (ragged rows, quotes, empty or non-finite cells, bad header names or
 * labels), rendered with blank lines, CRLF, a byte-order mark, and written plain or gzip; or bytes
 * that are no CSV at all (random bytes, a truncated gzip). For the tables an oracle says whether the
 * file is valid, so the property checks both directions: valid files load to the expected values,
 * invalid ones are refused.
 */
class CsvSourcePropertiesTest {
  private static final String LABEL = "label";
  private static final String CATEGORY = "cat";
  private static final String META = "meta";
  /** The number grammar the reader documents: no NaN, Infinity, hex or suffixes. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final List<String> NUMBERS = List.of("0", "1", "-1.5", "0.25", "3e2", "-2E-3", ".5", "5.",
      "+7", "12345.678", "1e-999", "-0");
  private static final List<String> BAD_NUMBERS = List.of("NaN", "Inf", "Infinity", "-Infinity", "1e999",
      "-1e999", "abc", "1e", ".", "-", "0x10", "1f", " 1", "1 ", "1;2", "", "\u00e9", "1e-999", "\t");
  private static final List<String> CATEGORIES = List.of("tcp", "udp", "a b", "\u00e9t\u00e9", "x", "1");
  private static final List<String> BAD_LABELS = List.of("2", "yes", "1.0", "", "normal", "true", " 1", "-1");

  private static Path dir;

  @BeforeContainer
  static void createFolder() throws IOException {
    dir = Files.createTempDirectory("csv-properties");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Property(tries = 250)
  void generatedTablesLoadAsWrittenOrFailWithAUserErrorNamingTheFile(@ForAll("tables") TableCase c) {
    Outcome o = load(c.file(), c.source());
    if (c.corruptBytes()) {
      // A truncated gzip never reaches its end-of-data: it can only be refused.
      if (o.loaded() != null) {
        throw new AssertionError("a truncated gzip file loaded: " + c);
      }
      return;
    }
    Expected expected = c.table().expect(c.source());
    if (expected == null && o.loaded() != null) {
      throw new AssertionError("an invalid table loaded (" + o.loaded() + "): " + c);
    }
    if (expected != null) {
      if (o.loaded() == null) {
        throw new AssertionError("a valid table was refused (" + o.error().getMessage() + "): " + c);
      }
      expected.check(o.loaded(), c);
    }
  }

  @Property(tries = 200)
  void arbitraryBytesFailOnlyWithAUserErrorNamingTheFile(@ForAll("bytes") byte[] content) {
    String file = "r.csv";
    write(file, content);
    Outcome o = load(file, new CsvSource(file, null, null, null, null, null, null, null));
    if (o.loaded() != null) {
      Dataset d = o.loaded();
      if (d.rows() < 1 || d.labels().length != d.rows() || d.values().length != d.rows() * d.columns()) {
        throw new AssertionError("inconsistent dataset from bytes " + Arrays.toString(content));
      }
    }
  }

  /** Loads {@code file}; fails the property on any exception but a located {@link UserException}. */
  private static Outcome load(String file, CsvSource source) {
    try {
      return new Outcome(source.load(new DataContext(dir, dir)), null);
    } catch (UserException e) {
      if (e.getMessage() == null || !e.getMessage().contains(file)) {
        throw new AssertionError("the message does not name " + file + ": " + e.getMessage(), e);
      }
      return new Outcome(null, e);
    }
  }

  private record Outcome(Dataset loaded, UserException error) {}

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<TableCase> tables() {
    return Arbitraries.randomValue(CsvSourcePropertiesTest::tableCase);
  }

  /** Random bytes, half of them starting with the gzip magic so that the gzip path sees junk too. */
  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.randomValue(random -> {
      byte[] b = new byte[random.nextInt(200)];
      random.nextBytes(b);
      if (b.length >= 2 && random.nextBoolean()) {
        b[0] = 0x1f;
        b[1] = (byte) 0x8b;
      }
      return b;
    });
  }

  private static TableCase tableCase(Random random) {
    boolean normalValues = random.nextInt(4) == 0;
    Table table = Table.random(random, normalValues);
    int mutations = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      table.mutate(random);
    }
    List<String> drop = random.nextBoolean() ? List.of(META) : null;
    List<String> categorical = random.nextBoolean() ? List.of(CATEGORY) : null;
    int encoding = random.nextInt(6); // 0-2 plain, 3-4 gzip, 5 truncated gzip
    String file = encoding >= 3 ? "t.csv.gz" : "t.csv";
    CsvSource source = new CsvSource(file, null, null, null, normalValues ? List.of("normal") : null, null, drop,
        categorical);
    String text = table.render(random);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (encoding >= 3) {
      bytes = gzip(bytes);
      if (encoding == 5) {
        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length - 1));
      }
    }
    write(file, bytes);
    return new TableCase(file, table, source, encoding == 5, text);
  }

  /** One generated case; {@code text} is the CSV before any gzip, for the failure report. */
  record TableCase(String file, Table table, CsvSource source, boolean corruptBytes, String text) {
    @Override
    public String toString() {
      return file + " " + source + (corruptBytes ? " (truncated gzip)" : "") + ":\n" + text;
    }
  }

  /** A table as a list of header names and rows of cells, which mutations edit before it is rendered. */
  static final class Table {
    final List<String> header = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();

    static Table random(Random random, boolean normalValues) {
      Table t = new Table();
      int features = 1 + random.nextInt(3);
      for (int j = 0; j < features; j++) {
        t.header.add("f" + j);
      }
      if (random.nextBoolean()) {
        t.header.add(random.nextInt(t.header.size() + 1), CATEGORY);
      }
      if (random.nextBoolean()) {
        t.header.add(random.nextInt(t.header.size() + 1), META);
      }
      t.header.add(random.nextInt(t.header.size() + 1), LABEL);
      int n = random.nextInt(7);
      for (int i = 0; i < n; i++) {
        List<String> row = new ArrayList<>();
        for (String name : t.header) {
          row.add(switch (name) {
            case LABEL -> normalValues ? pick(random, List.of("normal", "attack", "0"))
                : pick(random, List.of("0", "1"));
            case CATEGORY -> pick(random, CATEGORIES);
            case META -> pick(random, List.of("m", "", "9", "id-" + i));
            default -> pick(random, NUMBERS);
          });
        }
        t.rows.add(row);
      }
      return t;
    }

    void mutate(Random random) {
      int kind = random.nextInt(8);
      if (kind <= 4) {
        if (rows.isEmpty()) {
          return;
        }
        List<String> row = rows.get(random.nextInt(rows.size()));
        int cell = random.nextInt(row.size());
        int label = header.indexOf(LABEL);
        switch (kind) {
          case 0 -> {
            // Ragged: one field short or one too many.
            if (random.nextBoolean()) {
              row.remove(row.size() - 1);
            } else {
              row.add(pick(random, NUMBERS));
            }
          }
          case 1 -> row.set(cell, "\"" + row.get(cell) + "\"");
          case 2 -> row.set(cell, "");
          case 3 -> row.set(cell, pick(random, BAD_NUMBERS));
          default -> row.set(label >= 0 && label < row.size() ? label : cell, pick(random, BAD_LABELS));
        }
        return;
      }
      int at = random.nextInt(header.size());
      switch (kind) {
        case 5 -> header.set(at, random.nextBoolean() ? "" : "\"" + header.get(at) + "\"");
        case 6 -> header.set(at, header.get(random.nextInt(header.size())));
        default -> {
          int label = header.indexOf(LABEL);
          if (label >= 0) {
            header.set(label, "class");
          }
        }
      }
    }

    /** CSV text, with random line ends, blank lines, a byte-order mark and final newline. */
    String render(Random random) {
      String eol = random.nextBoolean() ? "\n" : "\r\n";
      StringBuilder s = new StringBuilder();
      if (random.nextInt(4) == 0) {
        s.append('\uFEFF');
      }
      List<String> lines = new ArrayList<>();
      lines.add(String.join(",", header));
      for (List<String> row : rows) {
        lines.add(String.join(",", row));
      }
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0 && random.nextInt(6) == 0) {
          s.append(eol);
        }
        s.append(lines.get(i));
        if (i < lines.size() - 1 || random.nextBoolean()) {
          s.append(eol);
        }
      }
      return s.toString();
    }

    /** What loading must give, or null when the file is invalid and must be refused. */
    Expected expect(CsvSource source) {
      Set<String> seen = new HashSet<>();
      for (String name : header) {
        if (name.isEmpty() || name.startsWith("\"") || !seen.add(name)) {
          return null;
        }
      }
      if (!header.contains(LABEL) || !header.containsAll(source.drop())
          || !header.containsAll(source.categorical())) {
        return null;
      }
      List<String> numeric = new ArrayList<>(header);
      numeric.remove(LABEL);
      numeric.removeAll(source.drop());
      numeric.removeAll(source.categorical());
      if (numeric.isEmpty()) {
        return null;
      }
      // Lines that render empty are blank lines, which the reader skips.
      List<List<String>> data = rows.stream().filter(r -> !String.join(",", r).isEmpty()).toList();
      if (data.isEmpty()) {
        return null;
      }
      float[] values = new float[data.size() * numeric.size()];
      boolean[] labels = new boolean[data.size()];
      List<List<String>> categories = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        List<String> row = data.get(i);
        if (row.size() != header.size() || row.stream().anyMatch(c -> c.startsWith("\""))) {
          return null;
        }
        for (int j = 0; j < numeric.size(); j++) {
          String cell = row.get(header.indexOf(numeric.get(j)));
          if (!NUMBER.matcher(cell).matches() || !Float.isFinite((float) Double.parseDouble(cell))) {
            return null;
          }
          values[i * numeric.size() + j] = (float) Double.parseDouble(cell);
        }
        String label = row.get(header.indexOf(LABEL));
        if (source.normalValues() != null) {
          labels[i] = !source.normalValues().contains(label);
        } else if (label.equals("0") || label.equals("1")) {
          labels[i] = label.equals("1");
        } else {
          return null;
        }
        List<String> rowCategories = new ArrayList<>();
        for (String name : source.categorical()) {
          rowCategories.add(row.get(header.indexOf(name)));
        }
        categories.add(rowCategories);
      }
      return new Expected(numeric, values, labels, source.categorical(), categories);
    }
  }

  /** The dataset a valid table must load to. */
  record Expected(List<String> featureNames, float[] values, boolean[] labels, List<String> categorical,
      List<List<String>> categories) {
    void check(Dataset d, TableCase c) {
      require(d.featureNames().equals(featureNames), "feature names " + d.featureNames(), c);
      require(d.rows() == labels.length && d.columns() == featureNames.size(),
          "shape " + d.rows() + "x" + d.columns(), c);
      require(Arrays.equals(d.labels(), labels), "labels " + Arrays.toString(d.labels()), c);
      float[] got = d.values();
      for (int i = 0; i < values.length; i++) {
        // The reader's parser may round one float ulp differently from the JDK's.
        require(Math.abs(got[i] - values[i]) <= Math.ulp(values[i]), "value " + i + " = " + got[i], c);
      }
      List<CategoricalColumn> columns = d.categoricalColumns();
      require(columns.stream().map(CategoricalColumn::name).toList().equals(categorical),
          "categorical columns " + columns, c);
      for (int k = 0; k < columns.size(); k++) {
        for (int i = 0; i < labels.length; i++) {
          require(columns.get(k).value(i).equals(categories.get(i).get(k)),
              "category of row " + i + " = " + columns.get(k).value(i), c);
        }
      }
    }

    private static void require(boolean ok, String what, TableCase c) {
      if (!ok) {
        throw new AssertionError("unexpected " + what + " for " + c);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(String file, byte[] bytes) {
    try {
      Files.write(dir.resolve(file), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
