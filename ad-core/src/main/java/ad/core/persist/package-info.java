/**
 * What a fitted component writes so that it can be restored: named float/double/int arrays and texts.
 *
 * <p>A component never writes its class name: the pipeline file names each component by its registry
 * {@code type:} and its options, and the registry builds the component, which then reads back its own
 * state. So loading a file can never instantiate an arbitrary class, and there is no Java
 * serialisation anywhere.
 */
package ad.core.persist;
