/**
 * A lean training engine for fully connected networks: plain Java {@code float[]} buffers, with the
 * matrix products handed to OpenBLAS.
 *
 * <p>Why not DL4J or SameDiff: on the small dense autoencoders of this project both spend about 90%
 * of a training step on framework overhead (STACK.md). Measured here (batch 256, one thread, the
 * shapes of a 64-32-16-32-64 net): {@code cblas_sgemm} on Java arrays 10-32 us per product (20-40
 * GFLOP/s), {@code Nd4j.gemm} into preallocated arrays 34-67 us, {@code INDArray.mmuli} 66-182 us, a
 * hand-written Java loop 120-360 us (2-3.5 GFLOP/s: C2 does not vectorise it well). So every product is
 * one {@link ad.models.engine.Blas} call on arrays allocated once, and everything elementwise
 * (bias, activation, dropout, loss, Adam) is a Java loop over the same arrays, which costs little
 * next to the products and needs no native call.
 *
 * <p>What profiling (JFR) found next, and what was done: {@code Math.exp} in the sigmoid output layer
 * took most of the Java time, so sigmoid and tanh use a vectorisable rational approximation
 * ({@code FastMath}); bias and activation are one pass. With that, a dense-64 step is ~75% matrix
 * products. Passing native pointers instead of Java arrays would save another ~20-25% of each product
 * (JavaCPP copies the arrays in and out), at the cost of elementwise loops over native memory: not done.
 *
 * <p>Threads: training runs on the calling thread with one BLAS thread (see {@code Blas}); large
 * scoring calls spread their batches over {@link ad.models.engine.ScoringThreads}.
 *
 * <p>The pieces: {@link ad.models.engine.Mlp} holds the parameters of a stack of dense layers,
 * {@link ad.models.engine.MlpPass} owns the activations and gradients of one thread's forward and
 * backward passes, {@link ad.models.engine.Adam} updates the parameters,
 * {@link ad.models.engine.Losses} has the MSE, and {@link ad.models.engine.Activation} lists the
 * activations with their derivatives. No DL4J or ND4J type appears in a public signature; the BLAS
 * binding is the one ND4J itself loads.
 */
package ad.models.engine;
