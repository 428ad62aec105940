package ad.models.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ad.core.MemoryAdvice;
import ad.core.UserException;
import ad.models.network.Activation;
import ad.models.network.DenseArchitecture;
import ad.models.network.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training that cannot fit is refused before anything is allocated, saying how much and what to do. */
class TrainingMemoryTest {
  private static final TrainingOptions PLAIN = new TrainingOptions();

  @Test
  void aNetworkBeyondWhatAJavaArrayHoldsIsRefused() {
    UserException e = assertThrows(UserException.class, () -> TrainingMemory.require(dense(100_000, 100_000),
        PLAIN, "hidden_layers"));
    assertTrue(e.getMessage().startsWith("the network has 20,000,200,000 parameters, more than the 2,147,483,639 "
        + "values a Java array holds"), e.getMessage());
  }

  @Test
  void aNetworkBeyondTheHeapIsRefusedWithTheMemoryItNeeds() {
    DenseArchitecture big = dense(10, 40_000, 40_000);
    long needs = big.parameterCount() * 16;
    assumeTrue(needs > MemoryAdvice.maxHeap(), "this JVM's heap holds " + needs + " bytes");
    UserException e = assertThrows(UserException.class, () -> TrainingMemory.require(big, PLAIN, "hidden_layers"));
    assertTrue(e.getMessage().contains("the network has 1,600,880,010 parameters; training it holds at least 23.9 GB "
        + "for them (4 bytes each for the weights, their gradients and Adam's two moments), more than the "), e.getMessage());
    assertTrue(e.getMessage().contains("AD_JAVA_OPTS=-Xmx30g"), e.getMessage());
    assertTrue(e.getMessage().endsWith("or make the network smaller (hidden_layers)"), e.getMessage());
  }

  @Test
  void onDl4jTheParametersAreCheckedAgainstNd4jsOffHeapLimit() {
    DenseArchitecture big = dense(10, 40_000, 40_000);
    long needs = big.parameterCount() * 16;
    long limit = org.bytedeco.javacpp.Pointer.maxBytes();
    assumeTrue(limit > 0 && needs > limit, "JavaCPP's limit " + limit + " holds " + needs + " bytes");
    TrainingOptions dl4j = new TrainingOptions(1e-3, 50, 32, 0.0, 0, 0.0, 0.0, true, Engine.DL4J);
    UserException e = assertThrows(UserException.class, () -> TrainingMemory.require(big, dl4j, "hidden_layers"));
    assertTrue(e.getMessage().startsWith("the network has 1,600,880,010 parameters; training it on DL4J holds at "
        + "least 23.9 GB of ND4J's off-heap memory for them (4 bytes each for the weights, their gradients and Adam's "
        + "two moments), more than its limit of "), e.getMessage());
    assertTrue(e.getMessage().contains("(JavaCPP's maxbytes, which follows the maximum heap): give ad more memory, "
        + "e.g. AD_JAVA_OPTS=-Xmx30g"), e.getMessage());
    // The same network on the native engine is refused against the heap instead.
    assertTrue(assertThrows(UserException.class, () -> TrainingMemory.require(big, PLAIN, "hidden_layers"))
        .getMessage().contains("more than the "));
  }

  @Test
  void aSmallNetworkPasses() {
    assertDoesNotThrow(() -> TrainingMemory.require(dense(20, 64, 8, 64), PLAIN, "hidden_layers"));
  }

  private static DenseArchitecture dense(int columns, Integer... hidden) {
    return new DenseArchitecture(columns, List.of(hidden), Activation.RELU, Activation.SIGMOID, 0, null);
  }
}
