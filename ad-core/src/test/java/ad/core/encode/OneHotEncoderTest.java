package ad.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.RealData;
import ad.core.UserException;
import ad.core.data.CsvSource;
import ad.core.protocol.FixedProtocol;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.core.protocol.Split;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneHotEncoderTest {
  /** Rows: x = 10, 20, 30, 40; proto = tcp, udp, tcp, icmp. */
  private static Dataset data() {
    return Dataset.of("d", 4, 1, new float[] {10, 20, 30, 40}, List.of("x"),
            new boolean[] {false, false, false, true})
        .withCategoricalColumns(List.of(new CategoricalColumn("proto", List.of("tcp", "udp", "icmp"),
            new int[] {0, 1, 0, 2})));
  }

  @Test
  void fitsOnTrainingRowsAndCountsUnseenValues() {
    Dataset all = data();
    Dataset train = all.select(new int[] {0, 1});
    Dataset test = all.select(new int[] {2, 3});
    FittedEncoder encoder = new OneHotEncoder().fit(train);
    assertEquals(List.of("tcp", "udp"), encoder.vocabularies().get(0).values());

    Encoded encodedTrain = encoder.transform(train);
    assertEquals(List.of("x", "proto=tcp", "proto=udp"), encodedTrain.dataset().featureNames());
    assertArrayEquals(new float[] {10, 1, 0, 20, 0, 1}, encodedTrain.dataset().values());
    assertEquals(0, encodedTrain.unseenCount());

    Encoded encodedTest = encoder.transform(test);
    // icmp was never seen in training: all zeros, counted.
    assertArrayEquals(new float[] {30, 1, 0, 40, 0, 0}, encodedTest.dataset().values());
    assertEquals(Map.of("proto", 1), encodedTest.unseen());
    assertEquals(1, encodedTest.unseenCount());
    assertTrue(encodedTest.dataset().categoricalColumns().isEmpty());
    assertArrayEquals(new int[] {3}, encodedTest.dataset().sampleShape());
    assertArrayEquals(new boolean[] {false, true}, encodedTest.dataset().labels());
    assertArrayEquals(new int[] {2, 3}, encodedTest.dataset().rowIds());
    assertArrayEquals(new int[] {0, 1}, encodedTest.unseenPerRow(), "the icmp row is the one counted");
  }

  @Test
  void savedStateLoadsBackToTheSameEncoding() {
    Dataset all = data();
    for (boolean unknown : new boolean[] {false, true}) {
      FittedEncoder fitted = new OneHotEncoder(unknown).fit(all.select(new int[] {0, 1}));
      State state = new State();
      fitted.save(state);
      FittedEncoder loaded = new OneHotEncoder(unknown).load(state);
      assertEquals(fitted.vocabularies(), loaded.vocabularies());
      Encoded expected = fitted.transform(all);
      Encoded actual = loaded.transform(all);
      assertArrayEquals(expected.dataset().values(), actual.dataset().values());
      assertEquals(expected.dataset().featureNames(), actual.dataset().featureNames());
      assertEquals(expected.unseen(), actual.unseen());
    }
  }

  @Test
  void emptyValuesAndEncodersWithoutColumnsSurviveSaving() {
    Dataset d = Dataset.of("d", 3, 1, new float[] {1, 2, 3}, List.of("x"), null)
        .withCategoricalColumns(List.of(
            new CategoricalColumn("a", List.of("", "b"), new int[] {0, 1, 0}),
            new CategoricalColumn("c", List.of(""), new int[] {0, 0, 0})));
    FittedEncoder fitted = new OneHotEncoder().fit(d);
    State state = new State();
    fitted.save(state);
    assertEquals(fitted.vocabularies(), new OneHotEncoder().load(state).vocabularies());

    State none = new State();
    FittedEncoder.none().save(none);
    assertTrue(new OneHotEncoder().load(none).vocabularies().isEmpty());
  }

  @Test
  void inconsistentStateIsRefusedAsCorrupt() {
    State state = new State();
    new OneHotEncoder().fit(data()).save(state);
    state.put("sizes", new int[] {2});
    UserException e = assertThrows(UserException.class, () -> new OneHotEncoder().load(state));
    assertTrue(e.getMessage().contains("corrupt: encoder has 3 values where its sizes say 2"), e.getMessage());

    state.put("sizes", new int[] {3});
    state.put("values", "tcp\ntcp\nicmp");
    e = assertThrows(UserException.class, () -> new OneHotEncoder().load(state));
    assertTrue(e.getMessage().contains("lists categorical column 'proto' or one of its values twice"), e.getMessage());
  }

  @Test
  void unknownColumnMarksUnseenValues() {
    Dataset all = data();
    FittedEncoder encoder = new OneHotEncoder(true).fit(all.select(new int[] {0, 1}));
    Encoded test = encoder.transform(all.select(new int[] {3}));
    assertEquals(List.of("x", "proto=tcp", "proto=udp", "proto=<unknown>"), test.dataset().featureNames());
    assertArrayEquals(new float[] {40, 0, 0, 1}, test.dataset().values());
    assertEquals(1, test.unseenCount());
  }

  @Test
  void datasetsWithoutCategoricalColumnsPassThrough() {
    Dataset plain = Dataset.of("p", 1, 1, new float[] {1}, List.of("x"), new boolean[] {false});
    Encoded e = new OneHotEncoder().fit(plain).transform(plain);
    assertSame(plain, e.dataset());
    assertEquals(0, e.unseenCount());
  }

  @Test
  void nslKddTestServicesUnseenInTrainingAreCountedNotFatal() {
    Dataset d = new CsvSource("network/nslkdd_train20.csv.gz", "network/nslkdd_test.csv.gz", null, null,
        null, null, List.of("attack_type", "difficulty"), List.of("protocol_type", "service", "flag"))
        .load(RealData.context());
    Split split = new FixedProtocol(FixedProtocol.TrainOn.ALL, 0.0).split(d, 1);
    FittedEncoder encoder = new OneHotEncoder().fit(split.train());
    Encoded train = encoder.transform(split.train());
    Encoded test = encoder.transform(split.test());
    assertEquals(0, train.unseenCount());
    assertEquals(train.dataset().columns(), test.dataset().columns());
    assertEquals(38 + 3 + encoder.vocabularies().get(1).values().size() + encoder.vocabularies().get(2)
        .values().size(), test.dataset().columns());
    int services = d.categoricalColumns().get(1).levels().size();
    int trainServices = encoder.vocabularies().get(1).values().size();
    // Every test row whose service the training file lacks is counted (and only those).
    int expectedUnseen = 0;
    List<String> vocabulary = encoder.vocabularies().get(1).values();
    CategoricalColumn service = split.test().categoricalColumns().get(1);
    for (int r = 0; r < service.rows(); r++) {
      expectedUnseen += vocabulary.contains(service.value(r)) ? 0 : 1;
    }
    assertEquals(expectedUnseen, test.unseen().get("service"));
    assertTrue(trainServices <= services);
  }

  /** Saved state in a map, as a pipeline file keeps it. */
  private static final class State implements StateWriter, StateReader {
    private final Map<String, Object> values = new HashMap<>();

    void put(String key, Object value) {
      values.put(key, value);
    }

    @Override
    public void floats(String key, float[] v) {
      values.put(key, v.clone());
    }

    @Override
    public void doubles(String key, double[] v) {
      values.put(key, v.clone());
    }

    @Override
    public void ints(String key, int[] v) {
      values.put(key, v.clone());
    }

    @Override
    public void text(String key, String value) {
      values.put(key, value);
    }

    @Override
    public float[] floats(String key) {
      return ((float[]) get(key)).clone();
    }

    @Override
    public double[] doubles(String key) {
      return ((double[]) get(key)).clone();
    }

    @Override
    public int[] ints(String key) {
      return ((int[]) get(key)).clone();
    }

    @Override
    public String text(String key) {
      return (String) get(key);
    }

    @Override
    public boolean contains(String key) {
      return values.containsKey(key);
    }

    @Override
    public UserException corrupt(String problem) {
      return new UserException("state is corrupt: " + problem);
    }

    private Object get(String key) {
      Object v = values.get(key);
      if (v == null) {
        throw corrupt("it lacks '" + key + "'");
      }
      return v;
    }
  }
}
