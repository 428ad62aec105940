package ad.models.engine;

/** What the engine runs with, for benchmark reports and logs. */
public final class EngineInfo {
  private EngineInfo() {}

  /**
   * The BLAS (OpenMP) threads each engine thread uses: 1 unless {@code OMP_NUM_THREADS} is set. The
   * application chooses this; users do not.
   */
  public static int threads() {
    return Blas.threads();
  }
}
