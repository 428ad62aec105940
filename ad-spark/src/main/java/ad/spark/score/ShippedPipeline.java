package ad.spark.score;

import ad.core.UserException;
import ad.core.registry.Registry;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A saved pipeline on its way to the executors: the pipeline file's bytes are broadcast once (each
 * executor fetches them once, not once per task), and each executor JVM loads them once, into a small
 * cache keyed by their SHA-256, shared by all the tasks it runs. Loading goes through
 * {@link PipelineFile#read}, with all its checks, exactly as {@code ad score} loads a model.
 *
 * <p>Serializable: tasks carry only the broadcast handle, the digest and a name for messages.
 */
public final class ShippedPipeline implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Pipelines an executor keeps loaded: a job scores with one, a long-lived session may switch. */
  private static final int CACHED = 4;
  private static final Map<String, Pipeline> LOADED = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Pipeline> eldest) {
      return size() > CACHED;
    }
  };

  private final Broadcast<byte[]> bytes;
  private final String sha256;
  private final String name;
  /** The driver's own copy (loaded to check the file and plan the output columns); never shipped. */
  private final transient Pipeline onDriver;

  private ShippedPipeline(Broadcast<byte[]> bytes, String sha256, String name, Pipeline onDriver) {
    this.bytes = bytes;
    this.sha256 = sha256;
    this.name = name;
    this.onDriver = onDriver;
  }

  /**
   * Loads {@code modelFile} on the driver (a missing, foreign or corrupt file is refused here, before
   * any task starts) and broadcasts its bytes as they are.
   */
  public static ShippedPipeline of(SparkSession spark, Path modelFile) {
    return of(spark, modelFile, PipelineFile.read(modelFile, Registry.load()));
  }

  /** Ships {@code modelFile}, already read as {@code pipeline} (so that a bad file fails before Spark starts). */
  public static ShippedPipeline of(SparkSession spark, Path modelFile, Pipeline pipeline) {
    byte[] content;
    try {
      content = Files.readAllBytes(modelFile);
    } catch (IOException e) {
      throw new UserException("cannot read model file " + modelFile + ": " + e.getMessage());
    }
    return broadcast(spark, content, modelFile.toString(), pipeline);
  }

  /** Ships a pipeline held in memory: saved to bytes as a pipeline file, then broadcast. */
  public static ShippedPipeline of(SparkSession spark, Pipeline pipeline) {
    try {
      Path temp = Files.createTempFile("ad-pipeline", ".adp");
      try {
        PipelineFile.write(temp, pipeline);
        return broadcast(spark, Files.readAllBytes(temp), pipeline.detectorType() + " pipeline", pipeline);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the pipeline to ship it", e);
    }
  }

  private static ShippedPipeline broadcast(SparkSession spark, byte[] content, String name, Pipeline pipeline) {
    String digest = sha256(content);
    synchronized (LOADED) {
      LOADED.put(digest, pipeline);
    }
    return new ShippedPipeline(spark.sparkContext().broadcast(content, scala.reflect.ClassTag$.MODULE$.apply(
        byte[].class)), digest, name, pipeline);
  }

  /** Where the pipeline came from (the model file's path), for messages. */
  public String name() {
    return name;
  }

  /** The size of what every executor fetches once. */
  public int bytes() {
    return bytes.value().length;
  }

  /** The pipeline: the driver's copy, or this JVM's loaded one, loading it on first use. */
  public Pipeline pipeline() {
    if (onDriver != null) {
      return onDriver;
    }
    synchronized (LOADED) {
      Pipeline loaded = LOADED.get(sha256);
      if (loaded == null) {
        loaded = load(bytes.value(), name);
        LOADED.put(sha256, loaded);
      }
      return loaded;
    }
  }

  /** The reader takes a file: the bytes go to a private temporary file, read and deleted at once. */
  private static Pipeline load(byte[] content, String name) {
    try {
      Path temp = Files.createTempFile("ad-pipeline", ".adp");
      try {
        Files.write(temp, content);
        return PipelineFile.read(temp, Registry.load());
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the shipped pipeline " + name + " on this executor", e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
