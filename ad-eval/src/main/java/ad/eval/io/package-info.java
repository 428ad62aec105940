/** Writing outputs so that an interrupted run never leaves a half-written file behind. */
package ad.eval.io;
