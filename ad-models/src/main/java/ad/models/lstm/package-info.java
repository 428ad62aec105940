/**
 * The LSTM autoencoder ({@code type: lstm_autoencoder}) for windows of multichannel series: its
 * options and detector; the network is an engine-neutral {@link ad.models.network.LstmArchitecture},
 * built by the native engine ({@link ad.models.nn}, the default) or the dl4j engine
 * ({@link ad.models.dl4j}), the same function from parameter arrays of the same layout.
 */
package ad.models.lstm;
