package ad.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Mean and standard deviation over seeds of each metric per (dataset, detector), the best detector
 * of each dataset per metric, and which detectors are baselines: the model of the report's summary.
 *
 * <p>Datasets and detectors keep the order in which they first appear in the rows, so the table reads
 * in the order of the experiment spec.
 */
public final class SummaryTable {
  private final List<Metric> metrics;
  private final List<String> datasets;
  private final List<String> detectors;
  private final Set<String> baselines;
  private final Map<Key, Stat> stats;
  private final Map<Key, Map<Flag, Integer>> flags;
  private final Map<Key, Integer> seeds;

  private record Key(String dataset, String detector, String metric) {}

  private SummaryTable(List<Metric> metrics, List<String> datasets, List<String> detectors,
      Set<String> baselines, Map<Key, Stat> stats, Map<Key, Map<Flag, Integer>> flags, Map<Key, Integer> seeds) {
    this.metrics = metrics;
    this.datasets = datasets;
    this.detectors = detectors;
    this.baselines = baselines;
    this.stats = stats;
    this.flags = flags;
    this.seeds = seeds;
  }

  /**
   * @param rows one row per (dataset, detector, seed); failed cells should be included, with missing
   *     metrics, so the table can say how many seeds are missing
   * @param metrics the columns, in order
   * @param baselines the names of the detectors that are baselines (marked in the table)
   */
  public static SummaryTable of(List<MetricRow> rows, List<Metric> metrics, Set<String> baselines) {
    Objects.requireNonNull(rows, "rows");
    Set<String> datasets = new LinkedHashSet<>();
    Set<String> detectors = new LinkedHashSet<>();
    Map<String, Map<String, List<MetricRow>>> cells = new LinkedHashMap<>();
    for (MetricRow row : rows) {
      datasets.add(row.dataset());
      detectors.add(row.detector());
      cells.computeIfAbsent(row.dataset(), d -> new LinkedHashMap<>())
          .computeIfAbsent(row.detector(), d -> new ArrayList<>()).add(row);
    }
    Map<Key, Stat> stats = new LinkedHashMap<>();
    Map<Key, Map<Flag, Integer>> flags = new LinkedHashMap<>();
    Map<Key, Integer> seeds = new LinkedHashMap<>();
    cells.forEach((dataset, byDetector) -> byDetector.forEach((detector, cellRows) -> {
      for (Metric m : metrics) {
        double[] values = cellRows.stream().mapToDouble(r -> r.value(m.key())).toArray();
        stats.put(new Key(dataset, detector, m.key()), Stat.of(values));
      }
      seeds.put(new Key(dataset, detector, MetricRow.WHOLE_ROW), cellRows.size());
      for (MetricRow row : cellRows) {
        row.flags().forEach((key, list) -> {
          Map<Flag, Integer> counts = flags.computeIfAbsent(new Key(dataset, detector, key), k -> new LinkedHashMap<>());
          // Counted once per seed, however often a seed's row names it.
          new LinkedHashSet<>(list).forEach(f -> counts.merge(f, 1, Integer::sum));
        });
      }
    }));
    return new SummaryTable(List.copyOf(metrics), List.copyOf(datasets), List.copyOf(detectors),
        Set.copyOf(baselines), stats, flags, seeds);
  }

  public List<Metric> metrics() {
    return metrics;
  }

  /** Datasets in order of first appearance. */
  public List<String> datasets() {
    return datasets;
  }

  /** All detectors in order of first appearance. */
  public List<String> detectors() {
    return detectors;
  }

  /** The detectors with at least one row on {@code dataset}, in the overall detector order. */
  public List<String> detectors(String dataset) {
    return detectors.stream().filter(d -> metrics.isEmpty()
        || stats.containsKey(new Key(dataset, d, metrics.get(0).key()))).toList();
  }

  public boolean isBaseline(String detector) {
    return baselines.contains(detector);
  }

  /** The statistics of one cell and metric, empty when the detector never ran on the dataset. */
  public Optional<Stat> stat(String dataset, String detector, String metricKey) {
    return Optional.ofNullable(stats.get(new Key(dataset, detector, metricKey)));
  }

  /**
   * The flags of one cell of the table and how many seeds raised each, in the order first seen: under
   * a metric's key, or {@link MetricRow#WHOLE_ROW} for the detector's row. Empty when there are none.
   */
  public Map<Flag, Integer> flags(String dataset, String detector, String key) {
    return flags.getOrDefault(new Key(dataset, detector, key), Map.of());
  }

  /** How many rows (seeds) {@code detector} has on {@code dataset}. */
  public int seeds(String dataset, String detector) {
    return seeds.getOrDefault(new Key(dataset, detector, MetricRow.WHOLE_ROW), 0);
  }

  /** Every flag in the table, each once, in the order first seen. */
  public Set<Flag> allFlags() {
    Set<Flag> all = new LinkedHashSet<>();
    flags.values().forEach(m -> all.addAll(m.keySet()));
    return all;
  }

  /**
   * Whether {@code detector} has the best mean of {@code metric} on {@code dataset} (ties are all
   * best, unless every detector ties; never for {@link Metric.Better#NONE} or a NaN mean).
   */
  public boolean isBest(String dataset, String detector, Metric metric) {
    if (metric.better() == Metric.Better.NONE) {
      return false;
    }
    double mine = stat(dataset, detector, metric.key()).map(Stat::mean).orElse(Double.NaN);
    if (Double.isNaN(mine)) {
      return false;
    }
    boolean someoneElse = false;
    for (String other : detectors(dataset)) {
      double theirs = stat(dataset, other, metric.key()).map(Stat::mean).orElse(Double.NaN);
      if (!Double.isNaN(theirs) && (metric.better() == Metric.Better.HIGHER ? theirs > mine : theirs < mine)) {
        return false;
      }
      someoneElse |= !Double.isNaN(theirs) && theirs != mine;
    }
    // Where every detector has the same value (all F1 0 under a threshold that flags nothing), no one
    // is best.
    return someoneElse || detectors(dataset).size() == 1;
  }

  /**
   * The means of {@code metricKey} as {@code [dataset][detector]} in the orders of {@link #datasets()}
   * and {@link #detectors()}, NaN where missing: the input of a heatmap chart.
   */
  public double[][] means(String metricKey) {
    double[][] out = new double[datasets.size()][detectors.size()];
    for (int i = 0; i < datasets.size(); i++) {
      for (int j = 0; j < detectors.size(); j++) {
        out[i][j] = stat(datasets.get(i), detectors.get(j), metricKey).map(Stat::mean).orElse(Double.NaN);
      }
    }
    return out;
  }
}
