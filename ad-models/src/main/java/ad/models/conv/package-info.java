/**
 * The convolutional autoencoder ({@code type: conv_autoencoder}) for images (height x width x
 * channels) and windows of multichannel series (steps x channels): its options, the architecture they
 * describe ({@code ConvLayers}, an engine-neutral {@link ad.models.network.ConvArchitecture}) and its
 * input ({@code ConvInput}: layout checks, feature names, saved layout). The network runs on the chosen
 * engine; the native one is in {@link ad.models.nn}.
 */
package ad.models.conv;
