package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

class Nd4jSetupTest {

  @Test
  void floatsAndOneOpenMpThreadInEveryThreadThatAsks() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      int threads = pool.submit(() -> {
        Nd4jSetup.ensure();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
      }).get();
      assertEquals(1, threads);
      assertEquals(DataType.FLOAT, Nd4j.dataType());
    } finally {
      pool.shutdown();
    }
  }
}
