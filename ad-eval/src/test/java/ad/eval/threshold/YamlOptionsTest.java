package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The options records bind from snake_case YAML as the spec reader configures Jackson. */
class YamlOptionsTest {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  @Test
  void snakeCaseKeysAndDefaults() throws Exception {
    assertEquals(new SpotThresholder(0.95, 1e-3),
        YAML.readValue("initial_quantile: 0.95\nrisk: 1.0e-3\n", SpotThresholder.class));
    assertEquals(new SpotThresholder(null, null), YAML.readValue("{}", SpotThresholder.class));
    assertEquals(50, YAML.readValue("max_iterations: 50", GmmThresholder.class).maxIterations());
    assertEquals(1e-10, YAML.readValue("max_iterations: 50", GmmThresholder.class).tolerance());
    assertEquals(64, YAML.readValue("bins: 64", OtsuThresholder.class).bins());
    assertEquals(0.05, YAML.readValue("fraction: 0.05", ContaminationThresholder.class).fraction());
    assertEquals(2.0, YAML.readValue("k: 2", IqrThresholder.class).k());
    assertEquals(2.0, YAML.readValue("k: 2", MadThresholder.class).k());
    assertEquals(3.0, YAML.readValue("z: 3", ModifiedZScoreThresholder.class).z());
  }

  @Test
  void badValuesNameTheKey() {
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> YAML.readValue("risk: 2", SpotThresholder.class));
    assertTrue(String.valueOf(e.getMessage()).contains("'risk'"), e.getMessage());
  }
}
