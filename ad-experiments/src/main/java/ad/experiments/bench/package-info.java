/**
 * {@code ad bench}: throughput benchmarks of the models on fixed synthetic workloads.
 *
 * <p>Each {@link ad.experiments.bench.Workload} prints figures as lines
 * {@code bench <workload> <metric> <value>}, so that runs can be compared with a diff or a script. A
 * benchmark, not a test: the figures depend on the machine and its load.
 */
package ad.experiments.bench;
