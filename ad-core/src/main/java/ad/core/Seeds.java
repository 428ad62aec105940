package ad.core;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds from an experiment seed.
 *
 * <p>Each consumer of randomness (the split, a model's initialisation, its shuffling, a noise stream)
 * asks for its own named stream, so that adding a consumer never shifts the numbers another one draws,
 * and results do not depend on the order in which cells run.
 */
public final class Seeds {
  private Seeds() {}

  /** A seed for the stream {@code name} under {@code seed}; the same inputs always give the same seed. */
  public static long derive(long seed, String name) {
    long h = seed;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xff));
    }
    return mix(h + 0x9E3779B97F4A7C15L);
  }

  /** The SplitMix64 finaliser: a bijection on longs that scatters nearby inputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
