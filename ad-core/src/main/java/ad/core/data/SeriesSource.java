package ad.core.data;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.data.csv.CsvReader;
import ad.core.data.csv.Table;
import ad.core.data.csv.TableReader;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.core.series.SeriesFile;
import ad.core.series.WindowIndex;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time series cut into sliding windows ({@code type: series}).
 *
 * <p>Each file is its own series (a CSV like {@code timeseries/skab/valve1_0.csv.gz}); rows are
 * points in file order (timestamps are never parsed or sorted: NAB has repeated and backward ones).
 * Channels are the {@code channels} columns, or every column but the label, the
 * {@code timestamp_column} and {@code drop} (e.g. SKAB's {@code changepoint}, NAB's
 * {@code anomaly_point}); all must be numeric, and every file must have the same ones.
 *
 * <p>Windows of {@code window} points start every {@code stride} points (default 1) within a file,
 * never across files; when the stride does not reach the end, one last window ends at the last
 * point, so every point is covered. A window row holds {@code window x channels} values, time-major
 * (sample shape {@code [window, channels]}), and is anomalous when {@code window_label} says so:
 * {@code any} point anomalous (default), its {@code last} point, or {@code all} points.
 *
 * <p>Given parts, for the {@code fixed} protocol: with {@code train_prefix: n}, windows that end
 * before point n of their file are {@link Dataset.Part#TRAIN}, the others TEST (SKAB: the first 400
 * points); {@code train_fraction: f} does the same with the first {@code floor(f * length)} points of
 * each file (NAB's probationary period is 15%); files matching {@code train_files} (globs) are TRAIN
 * entirely. Point-level evaluation
 * skips the training points (see {@link WindowIndex#testPoints}).
 *
 * <p>{@link #load} returns the windows; {@link #loadSeries} also returns the {@link WindowIndex} that
 * maps window scores back to points.
 */
public record SeriesSource(
    @JsonPropertyDescription("the series files (globs allowed), relative to the data root; each file "
        + "is one series") @NotEmpty List<String> paths,
    @JsonPropertyDescription("files (globs) to leave out of 'paths'") List<String> exclude,
    @JsonPropertyDescription("the column holding the point labels") String labelColumn,
    @JsonPropertyDescription("label values meaning anomalous, every other value normal; default: 1 "
        + "anomalous, 0 normal, anything else an error") @Size(min = 1) List<String> anomalyValues,
    @JsonPropertyDescription("or: label values meaning normal, every other value anomalous")
    @Size(min = 1) List<String> normalValues,
    @JsonPropertyDescription("a column that is kept as the point id, never a channel (never parsed or "
        + "sorted)") String timestampColumn,
    @JsonPropertyDescription("columns that are not channels (e.g. SKAB's changepoint)") List<String> drop,
    @JsonPropertyDescription("the channel columns; default: every column but the label, the timestamp "
        + "and 'drop'") @Size(min = 1) List<String> channels,
    @JsonPropertyDescription("points per window") @NotNull @Positive Integer window,
    @JsonPropertyDescription("points between the starts of consecutive windows") @Positive Integer stride,
    @JsonPropertyDescription("when a window is anomalous: any of its points is, its last point is, or "
        + "all are") WindowLabel windowLabel,
    @JsonPropertyDescription("for protocol: fixed, windows ending before this point of their file "
        + "train (SKAB: 400)") @Positive Integer trainPrefix,
    @JsonPropertyDescription("or: the first floor(f * length) points of each file train (NAB: 0.15)")
    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double trainFraction,
    @JsonPropertyDescription("files (globs) whose windows all train") List<String> trainFiles)
    implements DatasetSource {

  public SeriesSource {
    paths = Options.nonEmpty("paths", paths);
    exclude = List.copyOf(Options.orDefault(exclude, List.of()));
    labelColumn = Options.orDefault(labelColumn, "label");
    new LabelRule(anomalyValues, normalValues);
    timestampColumn = Options.orDefault(timestampColumn, "timestamp");
    drop = List.copyOf(Options.orDefault(drop, List.of()));
    if (channels != null) {
      channels = Options.nonEmpty("channels", channels);
    }
    if (window == null) {
      throw new OptionException("window", "is required: the number of points per window");
    }
    Options.positive("window", window);
    stride = Options.positive("stride", Options.orDefault(stride, 1));
    windowLabel = Options.orDefault(windowLabel, WindowLabel.ANY);
    if (trainPrefix != null) {
      Options.positive("train_prefix", trainPrefix);
    }
    if (trainFraction != null) {
      Options.inRange("train_fraction", trainFraction, 0.0, 1.0);
      if (trainPrefix != null) {
        throw new OptionException("train_fraction", "and train_prefix both set the training part; give one");
      }
    }
    trainFiles = List.copyOf(Options.orDefault(trainFiles, List.of()));
  }

  @Override
  public Dataset load(DataContext context) {
    return loadSeries(context).windows();
  }

  /** The windows and their index. */
  public SeriesData loadSeries(DataContext context) {
    Path root = DataFiles.root(context);
    List<String> names = SeriesFiles.expand(root, paths, exclude, "paths");
    if (names.isEmpty()) {
      throw new UserException("no series file left: paths " + paths + " minus exclude " + exclude);
    }
    TableReader tables = new TableReader(labelColumn, channels, drop, List.of(),
        List.of(timestampColumn), new LabelRule(anomalyValues, normalValues));
    List<Table> read = new ArrayList<>();
    for (String name : names) {
      try (CsvReader reader = CsvReader.open(DataFiles.existing(context, "paths", name), name)) {
        Table t = tables.read(reader);
        if (t.rows() < window) {
          throw new UserException(name + ": " + t.rows() + " points, fewer than one window of " + window);
        }
        read.add(t);
      }
    }
    return windows(tables.numericNames(), read);
  }

  private SeriesData windows(List<String> channelNames, List<Table> tables) {
    int channelCount = channelNames.size();
    int rowWidth = window * channelCount;
    boolean marked = trainPrefix != null || trainFraction != null || !trainFiles.isEmpty();
    List<SeriesFile> files = new ArrayList<>();
    int total = 0;
    for (Table t : tables) {
      total += starts(t.rows()).length;
    }
    float[] values = new float[total * rowWidth];
    boolean[] labels = new boolean[total];
    int[] fileOf = new int[total];
    int[] startOf = new int[total];
    Dataset.Part[] parts = new Dataset.Part[total];
    int w = 0;
    for (int f = 0; f < tables.size(); f++) {
      Table t = tables.get(f);
      boolean wholeFileTrains = trainFiles.stream().anyMatch(g -> SeriesFiles.matches(g, t.file()));
      int trainPoints = wholeFileTrains ? t.rows()
          : trainPrefix != null ? Math.min(trainPrefix, t.rows())
          : trainFraction != null ? (int) Math.floor(trainFraction * t.rows()) : 0;
      files.add(new SeriesFile(t.file(), t.labels(), trainPoints));
      for (int start : starts(t.rows())) {
        System.arraycopy(t.values(), start * channelCount, values, w * rowWidth, rowWidth);
        labels[w] = windowLabel.of(t.labels(), start, window);
        fileOf[w] = f;
        startOf[w] = start;
        parts[w] = start + window <= trainPoints ? Dataset.Part.TRAIN : Dataset.Part.TEST;
        w++;
      }
    }
    List<String> names = featureNames(channelNames, window);
    String name = tables.size() == 1 ? CsvSource.baseName(tables.get(0).file()) : "series";
    Dataset data = Dataset.of(name, total, rowWidth, values, names, labels)
        .withSampleShape(window, channelCount);
    if (marked) {
      data = data.withParts(parts);
    }
    return new SeriesData(data, new WindowIndex(window, files, fileOf, startOf));
  }

  /**
   * The features of a window row: each channel at each position, time-major ({@code value[0]},
   * {@code other[0]}, {@code value[1]}, ...). A saved pipeline names its features the same way.
   */
  public static List<String> featureNames(List<String> channels, int window) {
    List<String> names = new ArrayList<>(window * channels.size());
    for (int k = 0; k < window; k++) {
      for (String channel : channels) {
        names.add(channel + "[" + k + "]");
      }
    }
    return names;
  }

  /**
   * The channels of a windowed dataset (sample shape {@code [window, channels]}): the names of its
   * first window position, without the {@code [0]} that {@link #featureNames} added.
   */
  public static List<String> channels(Dataset windows) {
    int[] shape = windows.sampleShape();
    if (shape.length != 2) {
      throw new IllegalArgumentException("'" + windows.name() + "' is not windowed (sample shape "
          + java.util.Arrays.toString(shape) + ")");
    }
    List<String> channels = new ArrayList<>(shape[1]);
    for (String name : windows.featureNames().subList(0, shape[1])) {
      if (!name.endsWith("[0]")) {
        throw new IllegalArgumentException("'" + windows.name() + "' has feature '" + name
            + "' where a channel at position 0 was expected");
      }
      channels.add(name.substring(0, name.length() - 3));
    }
    if (!featureNames(channels, shape[0]).equals(windows.featureNames())) {
      throw new IllegalArgumentException("'" + windows.name() + "' is not laid out as windows of its channels");
    }
    return channels;
  }

  /** Window starts in a series of {@code length} points: every stride, plus one ending at the end. */
  int[] starts(int length) {
    int last = length - window;
    int regular = last / stride + 1;
    boolean tail = (regular - 1) * stride != last;
    int[] out = new int[regular + (tail ? 1 : 0)];
    for (int i = 0; i < regular; i++) {
      out[i] = i * stride;
    }
    if (tail) {
      out[regular] = last;
    }
    return out;
  }
}
