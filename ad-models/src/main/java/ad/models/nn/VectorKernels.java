package ad.models.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} written with the JDK's incubating Vector API, used only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the {@code ad} launcher and the build do). Two gains
 * over the loops C2 vectorises by itself: fused multiply-adds, and above all vectorised dot products,
 * which C2 leaves scalar because a float sum may not be reordered. With vector dots the weight
 * gradient no longer needs the transposed taps.
 *
 * <p>This class is loaded only after {@link Kernels#VECTOR} has found the module, so a JVM without it
 * never touches these types. Lane sums are reduced in a fixed order, so results are reproducible on a
 * given machine; they differ in the last bits from the scalar kernels.
 */
final class VectorKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorKernels() {}

  static void axpy4(float[] y, float a, float[] x0, float b, float[] x1, float c, float[] x2, float d,
      float[] x3, int n) {
    FloatVector va = FloatVector.broadcast(S, a);
    FloatVector vb = FloatVector.broadcast(S, b);
    FloatVector vc = FloatVector.broadcast(S, c);
    FloatVector vd = FloatVector.broadcast(S, d);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      v = FloatVector.fromArray(S, x0, i).fma(va, v);
      v = FloatVector.fromArray(S, x1, i).fma(vb, v);
      v = FloatVector.fromArray(S, x2, i).fma(vc, v);
      v = FloatVector.fromArray(S, x3, i).fma(vd, v);
      v.intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] += a * x0[i] + b * x1[i] + c * x2[i] + d * x3[i];
    }
  }

  static void axpy3(float[] y, float a, float[] x0, float b, float[] x1, float c, float[] x2, int n) {
    FloatVector va = FloatVector.broadcast(S, a);
    FloatVector vb = FloatVector.broadcast(S, b);
    FloatVector vc = FloatVector.broadcast(S, c);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      v = FloatVector.fromArray(S, x0, i).fma(va, v);
      v = FloatVector.fromArray(S, x1, i).fma(vb, v);
      v = FloatVector.fromArray(S, x2, i).fma(vc, v);
      v.intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] += a * x0[i] + b * x1[i] + c * x2[i];
    }
  }

  static void axpy2(float[] y, float a, float[] x0, float b, float[] x1, int n) {
    FloatVector va = FloatVector.broadcast(S, a);
    FloatVector vb = FloatVector.broadcast(S, b);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(S, y, i);
      v = FloatVector.fromArray(S, x0, i).fma(va, v);
      v = FloatVector.fromArray(S, x1, i).fma(vb, v);
      v.intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] += a * x0[i] + b * x1[i];
    }
  }

  static void axpy(float[] y, float a, float[] x, int n) {
    FloatVector va = FloatVector.broadcast(S, a);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector.fromArray(S, x, i).fma(va, FloatVector.fromArray(S, y, i)).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] += a * x[i];
    }
  }

  static float sum(float[] x, int n) {
    int bound = S.loopBound(n);
    FloatVector s = FloatVector.zero(S);
    int i = 0;
    for (; i < bound; i += L) {
      s = s.add(FloatVector.fromArray(S, x, i));
    }
    float r = s.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      r += x[i];
    }
    return r;
  }

  static float dot(float[] a, float[] b, int n) {
    int bound = S.loopBound(n);
    FloatVector s = FloatVector.zero(S);
    int i = 0;
    for (; i < bound; i += L) {
      s = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), s);
    }
    float r = s.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      r += a[i] * b[i];
    }
    return r;
  }

  static void dot4(float[] a, float[] b0, float[] b1, float[] b2, float[] b3, int n, float[] out,
      int o) {
    int bound = S.loopBound(n);
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector x = FloatVector.fromArray(S, a, i);
      s0 = x.fma(FloatVector.fromArray(S, b0, i), s0);
      s1 = x.fma(FloatVector.fromArray(S, b1, i), s1);
      s2 = x.fma(FloatVector.fromArray(S, b2, i), s2);
      s3 = x.fma(FloatVector.fromArray(S, b3, i), s3);
    }
    float r0 = s0.reduceLanes(VectorOperators.ADD);
    float r1 = s1.reduceLanes(VectorOperators.ADD);
    float r2 = s2.reduceLanes(VectorOperators.ADD);
    float r3 = s3.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float x = a[i];
      r0 += x * b0[i];
      r1 += x * b1[i];
      r2 += x * b2[i];
      r3 += x * b3[i];
    }
    out[o] += r0;
    out[o + 1] += r1;
    out[o + 2] += r2;
    out[o + 3] += r3;
  }

  static void dot2x4(float[] a0, float[] a1, float[] b0, float[] b1, float[] b2, float[] b3, int n,
      float[] out0, float[] out1, int o) {
    int bound = S.loopBound(n);
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = s00;
    FloatVector s02 = s00;
    FloatVector s03 = s00;
    FloatVector s10 = s00;
    FloatVector s11 = s00;
    FloatVector s12 = s00;
    FloatVector s13 = s00;
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector x = FloatVector.fromArray(S, a0, i);
      FloatVector y = FloatVector.fromArray(S, a1, i);
      FloatVector c0 = FloatVector.fromArray(S, b0, i);
      FloatVector c1 = FloatVector.fromArray(S, b1, i);
      FloatVector c2 = FloatVector.fromArray(S, b2, i);
      FloatVector c3 = FloatVector.fromArray(S, b3, i);
      s00 = x.fma(c0, s00);
      s01 = x.fma(c1, s01);
      s02 = x.fma(c2, s02);
      s03 = x.fma(c3, s03);
      s10 = y.fma(c0, s10);
      s11 = y.fma(c1, s11);
      s12 = y.fma(c2, s12);
      s13 = y.fma(c3, s13);
    }
    float r00 = s00.reduceLanes(VectorOperators.ADD);
    float r01 = s01.reduceLanes(VectorOperators.ADD);
    float r02 = s02.reduceLanes(VectorOperators.ADD);
    float r03 = s03.reduceLanes(VectorOperators.ADD);
    float r10 = s10.reduceLanes(VectorOperators.ADD);
    float r11 = s11.reduceLanes(VectorOperators.ADD);
    float r12 = s12.reduceLanes(VectorOperators.ADD);
    float r13 = s13.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float x = a0[i];
      float y = a1[i];
      r00 += x * b0[i];
      r01 += x * b1[i];
      r02 += x * b2[i];
      r03 += x * b3[i];
      r10 += y * b0[i];
      r11 += y * b1[i];
      r12 += y * b2[i];
      r13 += y * b3[i];
    }
    out0[o] += r00;
    out0[o + 1] += r01;
    out0[o + 2] += r02;
    out0[o + 3] += r03;
    out1[o] += r10;
    out1[o + 1] += r11;
    out1[o + 2] += r12;
    out1[o + 3] += r13;
  }
}
