package ad.eval.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.FeatureErrors;
import ad.core.UserException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingScorerTest {
  @TempDir
  Path temp;

  @Test
  void scoresInBatchesWithIdsAndTheSameScoresAsInMemory() throws IOException {
    Path model = PipelineFileTest.saveExample(temp);
    Pipeline pipeline = PipelineFile.read(model, PipelineFileTest.registry());
    var data = PipelineFileTest.data(3, 25);
    StringBuilder csv = new StringBuilder("id,c,label,b,a\n");
    for (int i = 0; i < data.rows(); i++) {
      csv.append("row").append(i).append(',').append(data.value(i, 2)).append(",0,")
          .append(data.value(i, 1)).append(',').append(data.value(i, 0)).append('\n');
    }
    Path input = temp.resolve("new.csv");
    Files.writeString(input, csv);

    StringWriter out = new StringWriter();
    List<Long> progress = new ArrayList<>();
    var summary = new StreamingScorer(pipeline, null, 10, 0).score(input, "new.csv", "id", out, progress::add);
    assertEquals(25, summary.rows());
    assertEquals(List.of(10L, 20L, 25L), progress, "one progress call per batch");
    List<String> lines = out.toString().lines().toList();
    assertEquals("id,score,anomalous", lines.get(0));
    double[] expected = pipeline.score(data).values();
    double[] streamed = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    assertArrayEquals(expected, streamed, "columns are matched by name, not position");
    assertTrue(lines.get(1).startsWith("row0,"));
    long flagged = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
    assertEquals(summary.flagged(), flagged);
  }

  @Test
  void refusesInputWithoutTheModelsColumnsNamingThem() throws IOException {
    Path model = PipelineFileTest.saveExample(temp);
    Pipeline pipeline = PipelineFile.read(model, PipelineFileTest.registry());
    Path input = temp.resolve("bad.csv");
    Files.writeString(input, "a,b\n1,2\n");
    UserException e = assertThrows(UserException.class, () -> new StreamingScorer(pipeline, null, 10, 3)
        .score(input, "bad.csv", null, new StringWriter(), n -> { }));
    assertTrue(e.getMessage().contains("the model needs column 'c'"), e.getMessage());
    Files.writeString(input, "a,b,c\n1,2,x\n");
    UserException cell = assertThrows(UserException.class, () -> new StreamingScorer(pipeline, null, 10, 3)
        .score(input, "bad.csv", null, new StringWriter(), n -> { }));
    assertTrue(cell.getMessage().startsWith("bad.csv:2: column 'c' expected a number, got 'x'"), cell.getMessage());
  }

  @Test
  void topFeaturesAreTheLargestErrorsLargestFirst() {
    FeatureErrors e = new FeatureErrors(1, 5, new float[] {0.1f, 0.9f, 0.3f, 0.7f, 0.2f},
        List.of("a", "b", "c", "d", "e"));
    int[] top = new int[3];
    StreamingScorer.topFeatures(e, 0, top);
    assertArrayEquals(new int[] {1, 3, 2}, top);
  }
}
