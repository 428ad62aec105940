/**
 * The convolutional autoencoder ({@code type: conv_autoencoder}) for images (height x width x
 * channels) and windows of multichannel series (steps x channels), on a small engine of its own.
 *
 * <p>Why not DL4J/ND4J: MultiLayerNetwork conv layers train at ~134 images/s here (im2col and
 * framework overhead, STACK.md), SameDiff with the oneDNN natives at ~1,500, against ~4,500 for
 * PyTorch. These nets are thin (1-16 channels): an im2col matrix for a whole batch is tens of MB that
 * one sgemm reads once, so batch-wide BLAS is memory-bound. Here one image at a time goes through the
 * whole net (all its activations, ~150 KB, stay in the core's L2 cache); the threads take fixed
 * slices of each mini-batch. Pure Java, so no OpenMP thread setting applies.
 *
 * <p>How the loops are written: Java 17's C2 vectorises a loop only if every array in it is indexed
 * by the same counter (an offset that differs between arrays, even a loop-invariant one, keeps it
 * scalar: 1 vs 10-18 GMAC/s measured). So every activation is one {@code float[]} per channel plane,
 * a convolution gathers its taps into planes of their own ({@link ad.models.conv.ConvGeometry}), and
 * the products are sums of whole planes ({@link ad.models.conv.Kernels#axpy3}). Float sums are not
 * vectorised by C2, so weight gradients use register-blocked scalar dot products where the taps are
 * few, and a transpose plus plane sums where they are many.
 */
package ad.models.conv;
