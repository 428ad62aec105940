package ad.core.data;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.UserException;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Images in the IDX format of MNIST and Fashion-MNIST ({@code type: idx_images}), gzip or plain, for
 * one-class anomaly detection: rows are images with pixels scaled to [0, 1] and sample shape
 * {@code [height, width, 1]}; the class labels become anomaly labels through {@code normal_classes}
 * (every other class is anomalous) or {@code anomaly_classes} (every other class is normal).
 *
 * <p>{@code limit_per_class} keeps at most that many images of each class of each file, drawn with
 * the data {@code seed} (default 0, separate from the experiment seeds so that every experiment seed
 * sees the same images), in file order. With {@code test_images} and {@code test_labels} (e.g.
 * Fashion-MNIST's t10k files) the test images are appended and rows are marked
 * {@link Dataset.Part#TRAIN} / {@link Dataset.Part#TEST} for the {@code fixed} protocol.
 */
public record IdxImageSource(
    @JsonPropertyDescription("the IDX image file (e.g. train-images-idx3-ubyte.gz), relative to the "
        + "data root") @NotBlank String images,
    @JsonPropertyDescription("the IDX label file of those images") @NotBlank String labels,
    @JsonPropertyDescription("given test images (e.g. the t10k file), for protocol: fixed; needs "
        + "test_labels") String testImages,
    @JsonPropertyDescription("the labels of test_images") String testLabels,
    @JsonPropertyDescription("the classes that are normal, every other class anomalous; give this or "
        + "anomaly_classes") @Size(min = 1) List<@Min(0) @Max(255) Integer> normalClasses,
    @JsonPropertyDescription("or: the classes that are anomalous, every other class normal")
    @Size(min = 1) List<@Min(0) @Max(255) Integer> anomalyClasses,
    @JsonPropertyDescription("keep at most this many images of each class of each file, drawn with "
        + "the data seed; default all") @Positive Integer limitPerClass,
    @JsonPropertyDescription("seed of the per-class draw, apart from the experiment seeds, so every "
        + "experiment seed sees the same images") Long seed)
    implements DatasetSource {

  private static final int IMAGES_MAGIC = 2051;
  private static final int LABELS_MAGIC = 2049;

  public IdxImageSource {
    if (images == null || images.isBlank() || labels == null || labels.isBlank()) {
      throw new OptionException(images == null || images.isBlank() ? "images" : "labels",
          "is required: the IDX file, relative to the data root");
    }
    if ((testImages == null) != (testLabels == null)) {
      throw new OptionException(testImages == null ? "test_images" : "test_labels",
          "is required with " + (testImages == null ? "test_labels" : "test_images"));
    }
    if ((normalClasses == null) == (anomalyClasses == null)) {
      throw new OptionException("normal_classes", "give exactly one of normal_classes and anomaly_classes");
    }
    String classKey = normalClasses != null ? "normal_classes" : "anomaly_classes";
    List<Integer> classes = Options.nonEmpty(classKey, normalClasses != null ? normalClasses : anomalyClasses);
    for (int c : classes) {
      if (c < 0 || c > 255) {
        throw new OptionException(classKey, "holds class labels 0..255, got " + c);
      }
    }
    normalClasses = normalClasses != null ? classes : null;
    anomalyClasses = anomalyClasses != null ? classes : null;
    if (limitPerClass != null) {
      Options.positive("limit_per_class", limitPerClass);
    }
    seed = Options.orDefault(seed, 0L);
  }

  /** Pixels and labels of the images kept from one pair of files. */
  private record Part(int count, int height, int width, float[] pixels, boolean[] anomalous) {}

  @Override
  public Dataset load(DataContext context) {
    List<Part> parts = new ArrayList<>();
    parts.add(read(context, "images", images, "labels", labels, 0));
    if (testImages != null) {
      parts.add(read(context, "test_images", testImages, "test_labels", testLabels, 1));
    }
    Part first = parts.get(0);
    for (Part p : parts) {
      if (p.height() != first.height() || p.width() != first.width()) {
        throw new UserException(testImages + ": images are " + p.height() + "x" + p.width() + ", those of "
            + images + " " + first.height() + "x" + first.width());
      }
    }
    int size = first.height() * first.width();
    int rows = parts.stream().mapToInt(Part::count).sum();
    float[] pixels = new float[rows * size];
    boolean[] anomalous = new boolean[rows];
    Dataset.Part[] marks = new Dataset.Part[rows];
    int at = 0;
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      System.arraycopy(p.pixels(), 0, pixels, at * size, p.count() * size);
      System.arraycopy(p.anomalous(), 0, anomalous, at, p.count());
      Arrays.fill(marks, at, at + p.count(), i == 0 ? Dataset.Part.TRAIN : Dataset.Part.TEST);
      at += p.count();
    }
    List<String> names = new ArrayList<>(size);
    for (int r = 0; r < first.height(); r++) {
      for (int c = 0; c < first.width(); c++) {
        names.add("px_" + r + "_" + c);
      }
    }
    Dataset data = Dataset.of(CsvSource.baseName(images), rows, size, pixels, names, anomalous)
        .withSampleShape(first.height(), first.width(), 1);
    return testImages != null ? data.withParts(marks) : data;
  }

  private Part read(DataContext context, String imagesKey, String imagesPath, String labelsKey,
      String labelsPath, int fileIndex) {
    byte[] classes = readLabels(DataFiles.existing(context, labelsKey, labelsPath), labelsPath);
    boolean[] keep = select(classes, labelsPath, new Random(seed + fileIndex));
    Path file = DataFiles.existing(context, imagesKey, imagesPath);
    try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
      int magic = in.readInt();
      if (magic != IMAGES_MAGIC) {
        throw new UserException(imagesPath + ": not an IDX image file (magic number " + magic
            + ", expected " + IMAGES_MAGIC + ")");
      }
      int count = in.readInt();
      int height = in.readInt();
      int width = in.readInt();
      if (count != classes.length) {
        throw new UserException(imagesPath + " holds " + count + " images but " + labelsPath + " "
            + classes.length + " labels");
      }
      if (height <= 0 || width <= 0 || (long) height * width > Integer.MAX_VALUE / 8) {
        throw new UserException(imagesPath + ": bad image size " + height + "x" + width);
      }
      int size = height * width;
      int kept = 0;
      for (boolean k : keep) {
        kept += k ? 1 : 0;
      }
      if ((long) kept * size > Integer.MAX_VALUE - 8) {
        throw new UserException(imagesPath + ": " + kept + " images of " + height + "x" + width + " are more pixels "
            + "than one dataset holds; keep fewer with limit_per_class");
      }
      float[] pixels = new float[kept * size];
      boolean[] anomalous = new boolean[kept];
      byte[] image = new byte[size];
      int row = 0;
      for (int i = 0; i < count; i++) {
        in.readFully(image);
        if (keep[i]) {
          int base = row * size;
          for (int p = 0; p < size; p++) {
            pixels[base + p] = (image[p] & 0xff) / 255f;
          }
          anomalous[row++] = isAnomaly(classes[i] & 0xff);
        }
      }
      return new Part(kept, height, width, pixels, anomalous);
    } catch (EOFException e) {
      throw new UserException(imagesPath + ": the file ends before its last image (truncated?)", e);
    } catch (IOException e) {
      throw new UserException("cannot read '" + imagesPath + "': " + FileProblems.reason(e), e);
    }
  }

  private static byte[] readLabels(Path file, String path) {
    try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
      int magic = in.readInt();
      if (magic != LABELS_MAGIC) {
        throw new UserException(path + ": not an IDX label file (magic number " + magic + ", expected "
            + LABELS_MAGIC + ")");
      }
      int count = in.readInt();
      if (count < 0) {
        throw new UserException(path + ": negative label count " + count);
      }
      // Read as far as the file goes, not allocated from the header: a damaged count cannot exhaust memory.
      byte[] classes = in.readNBytes(count);
      if (classes.length < count) {
        throw new EOFException();
      }
      return classes;
    } catch (EOFException e) {
      throw new UserException(path + ": the file ends before its last label (truncated?)", e);
    } catch (IOException e) {
      throw new UserException("cannot read '" + path + "': " + FileProblems.reason(e), e);
    }
  }

  /** Which images to keep: all, or up to limit_per_class of each class drawn with the seed. */
  private boolean[] select(byte[] classes, String labelsPath, Random random) {
    boolean[] keep = new boolean[classes.length];
    int[][] byClass = new int[256][];
    int[] counts = new int[256];
    for (byte c : classes) {
      counts[c & 0xff]++;
    }
    List<Integer> named = normalClasses != null ? normalClasses : anomalyClasses;
    for (int c : named) {
      if (counts[c] == 0) {
        throw new UserException(labelsPath + " has no image of class " + c + " ("
            + (normalClasses != null ? "normal_classes" : "anomaly_classes") + ")");
      }
    }
    for (int c = 0; c < 256; c++) {
      byClass[c] = new int[counts[c]];
      counts[c] = 0;
    }
    for (int i = 0; i < classes.length; i++) {
      int c = classes[i] & 0xff;
      byClass[c][counts[c]++] = i;
    }
    for (int[] members : byClass) {
      if (limitPerClass != null && members.length > limitPerClass) {
        Shuffle.inPlace(members, random);
      }
      int n = limitPerClass == null ? members.length : Math.min(limitPerClass, members.length);
      for (int i = 0; i < n; i++) {
        keep[members[i]] = true;
      }
    }
    return keep;
  }

  private boolean isAnomaly(int cls) {
    return normalClasses != null ? !normalClasses.contains(cls) : anomalyClasses.contains(cls);
  }
}
