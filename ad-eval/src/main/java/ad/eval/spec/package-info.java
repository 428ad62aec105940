/**
 * The experiment file: YAML bound to records with Jackson, every error reported with the file, line,
 * column and key it concerns.
 *
 * <p>{@link ad.eval.spec.SpecReader} reads a file in two passes: a streaming pass that remembers where
 * each key stands ({@link ad.eval.spec.SourceMap}), and a binding pass that builds the records. Binding
 * errors carry a path ({@code /detectors/0/learning_rate}), which the source map turns into a line.
 * Components ({@code type:} plus options) are resolved through the {@link ad.core.registry.Registry},
 * so the reader knows no concrete model.
 */
package ad.eval.spec;
