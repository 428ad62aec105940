/**
 * Small order statistics the other modules share (quantiles of sorted values), so that a threshold, an
 * ensemble's standardisation and a scaler compute a median or a quartile the same way.
 */
package ad.core.stats;
