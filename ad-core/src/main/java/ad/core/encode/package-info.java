/**
 * Turning categorical columns into numeric features. Encoders are fitted on the training part of a
 * split only and applied unchanged to the validation and test parts, like scalers; values the
 * training part never showed are counted, not fatal. A fitted encoder saves and loads its
 * vocabularies through {@code ad.core.persist}, as scalers do.
 */
package ad.core.encode;
