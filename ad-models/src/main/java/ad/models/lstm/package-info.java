/**
 * The LSTM autoencoder ({@code type: lstm_autoencoder}) for windows of multichannel series: its
 * options and detector; the network is an engine-neutral {@link ad.models.network.LstmArchitecture},
 * built by the dl4j engine ({@link ad.models.dl4j}), the one with LSTM layers.
 */
package ad.models.lstm;
