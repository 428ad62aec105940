package ad.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against the scalar ones, on lengths around the vector width (tails of every
 * size) and a typical plane: they agree to rounding. (The build runs the conv tests once with each.)
 */
class KernelsTest {
  private static final int[] LENGTHS = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 49, 196, 784};
  private final SplittableRandom random = new SplittableRandom(11);

  @Test
  void axpysAgree() {
    assumeTrue(vectorApiPresent());
    for (int n : LENGTHS) {
      float[][] x = arrays(4, n);
      float[] y = array(n);
      float[] scalar = y.clone();
      float[] vector = y.clone();
      ScalarKernels.axpy4(scalar, .5f, x[0], -1.5f, x[1], 2f, x[2], .25f, x[3], n);
      VectorKernels.axpy4(vector, .5f, x[0], -1.5f, x[1], 2f, x[2], .25f, x[3], n);
      ScalarKernels.axpy3(scalar, .3f, x[0], .7f, x[1], -.2f, x[2], n);
      VectorKernels.axpy3(vector, .3f, x[0], .7f, x[1], -.2f, x[2], n);
      ScalarKernels.axpy2(scalar, -1f, x[2], 3f, x[3], n);
      VectorKernels.axpy2(vector, -1f, x[2], 3f, x[3], n);
      ScalarKernels.axpy(scalar, .9f, x[1], n);
      VectorKernels.axpy(vector, .9f, x[1], n);
      assertClose(scalar, vector, "axpy, n = " + n);
    }
  }

  @Test
  void sumsAndDotsAgree() {
    assumeTrue(vectorApiPresent());
    for (int n : LENGTHS) {
      float[][] a = arrays(2, n);
      float[][] b = arrays(4, n);
      assertEquals(ScalarKernels.sum(a[0], n), VectorKernels.sum(a[0], n), tolerance(n), "sum " + n);
      assertEquals(ScalarKernels.dot(a[0], b[0], n), VectorKernels.dot(a[0], b[0], n), tolerance(n),
          "dot " + n);
      float[] scalar = new float[5];
      float[] vector = new float[5];
      ScalarKernels.dot4(a[0], b[0], b[1], b[2], b[3], n, scalar, 1);
      VectorKernels.dot4(a[0], b[0], b[1], b[2], b[3], n, vector, 1);
      assertClose(scalar, vector, "dot4, n = " + n);
      float[] scalar0 = new float[4];
      float[] scalar1 = new float[4];
      float[] vector0 = new float[4];
      float[] vector1 = new float[4];
      ScalarKernels.dot2x4(a[0], a[1], b[0], b[1], b[2], b[3], n, scalar0, scalar1, 0);
      VectorKernels.dot2x4(a[0], a[1], b[0], b[1], b[2], b[3], n, vector0, vector1, 0);
      assertClose(scalar0, vector0, "dot2x4 row 0, n = " + n);
      assertClose(scalar1, vector1, "dot2x4 row 1, n = " + n);
    }
  }

  private static boolean vectorApiPresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  private static float tolerance(int n) {
    return 1e-5f * (n + 1);
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance(expected.length), what + ", index " + i);
    }
  }

  private float[][] arrays(int count, int n) {
    float[][] xs = new float[count][];
    for (int i = 0; i < count; i++) {
      xs[i] = array(n);
    }
    return xs;
  }

  private float[] array(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
