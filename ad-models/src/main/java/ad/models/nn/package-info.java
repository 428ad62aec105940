/**
 * ad's own engine ({@code engine: native}, {@link ad.models.nn.NativeEngine}): the networks of every
 * autoencoder family on plain Java {@code float[]} buffers, with one optimiser ({@code Adam}), one
 * activation arithmetic ({@code Activations}, for the one set {@link ad.models.network.Activation}),
 * one dropout, one reconstruction loss ({@code Losses}) and one worker pool
 * ({@link ad.models.nn.Workers}). The training loop and the models around these networks are shared
 * by every engine ({@link ad.models.train}, {@link ad.models.recon}).
 *
 * <p>Two execution forms, because the kinds of network are fast in different ways:
 * <ul>
 *   <li>Dense layers ({@code Mlp}, {@code MlpPass}) work on a whole mini-batch: every product is one
 *       OpenBLAS {@code cblas_sgemm} on arrays allocated once ({@code Blas}), everything elementwise
 *       (bias, activation, dropout, loss, Adam) a Java loop over the same arrays. Why not DL4J or
 *       SameDiff: on these small nets both spend about 90% of a step on framework overhead
 *       (STACK.md); measured here (batch 256, one thread, a 64-32-16-32-64 net's shapes),
 *       {@code cblas_sgemm} on Java arrays 10-32 us per product, {@code Nd4j.gemm} 34-67 us,
 *       {@code INDArray.mmuli} 66-182 us, a Java loop 120-360 us. Sigmoid and tanh use a
 *       vectorisable rational approximation ({@code FastMath}): {@code Math.exp} took most of the
 *       Java time of a dense step. A dense-64 step is then ~75% matrix products.
 *   <li>Convolutional layers ({@code Layer}: {@code Conv}, {@code TransposedConv}, {@code MaxPool},
 *       {@code Upsample}, {@code FullyConnected}, {@code ActivationLayer}, {@code DropoutLayer}, in a
 *       {@code LayerStack}) take one sample at a time through the whole net, so that all its
 *       activations (~150 KB) stay in the core's L2 cache; the workers take fixed slices of each
 *       mini-batch. These nets are thin (1-16 channels): an im2col matrix of a whole batch is tens of
 *       MB that one sgemm reads once, so batch-wide BLAS is memory-bound (DL4J's conv layers train at
 *       ~134 images/s here, SameDiff with oneDNN ~1,500, PyTorch ~4,500). Java 17's C2 vectorises a
 *       loop only if every array in it is indexed by the same counter, so every activation is one
 *       {@code float[]} per channel plane, a convolution gathers its taps into planes of their own
 *       ({@code ConvGeometry}), and the products are sums of whole planes ({@code Kernels}), written
 *       with the incubating Vector API when the JVM has it ({@code VectorKernels}: fused
 *       multiply-adds and vector dot products) and as plain loops otherwise ({@code ScalarKernels}).
 * </ul>
 *
 * <p>LSTM layers ({@code Lstm}, {@code LstmPass}, in an {@code LstmAutoencoderNet}) take the dense
 * form, batch-wide, one step after another: the input products of all steps are one sgemm, then each
 * step's recurrent product ({@code [batch x units] x [units x 4 units]}) is one sgemm and its gate
 * arithmetic Java loops; backward through time is one sgemm per step plus the weight gradients of all
 * steps as one sgemm each. Measured (JFR, SKAB's net: 100 units, windows of 60, batch 32) about 75%
 * of a training step is in sgemm, most of it in the per-step products, whose 32-row operands keep
 * OpenBLAS well below its large-matrix speed; the gate arithmetic is most of the rest. The arrays a
 * per-step product touches are per step ({@code float[steps][]}), because the JavaCPP binding copies
 * every Java array it is given in and out of native memory, whole, on each call.
 *
 * <p>Threads: dense and LSTM training run on the calling thread with one BLAS thread
 * ({@code Blas}); conv training on the architecture's {@code threads}; scoring spreads batches over
 * {@link ad.models.nn.Workers}. Results never depend on the machine's core count.
 *
 * <p>Nothing here is public but the engine itself and the worker pool: families reach these networks
 * only through the interfaces of {@link ad.models.network}.
 */
package ad.models.nn;
