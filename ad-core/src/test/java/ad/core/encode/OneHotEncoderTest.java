package ad.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.RealData;
import ad.core.data.CsvSource;
import ad.core.protocol.FixedProtocol;
import ad.core.protocol.Split;
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
    Split split = new FixedProtocol("all", 0.0).split(d, 1);
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
}
