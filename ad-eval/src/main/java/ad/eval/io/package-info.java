/**
 * Writing outputs so that an interrupted run never leaves a half-written file behind
 * ({@link ad.eval.io.AtomicFiles}: a temporary sibling renamed when complete, removed by a shutdown
 * hook on Ctrl-C), under names that always fit the file system ({@link ad.eval.io.FileNames}).
 */
package ad.eval.io;
