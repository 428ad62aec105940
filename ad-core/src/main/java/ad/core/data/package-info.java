/** Where datasets come from: files under the data root, or generated ones. */
package ad.core.data;
