package ad.eval.pipeline;

import ad.core.UserException;
import ad.core.data.FileProblems;
import ad.core.data.ReadableFile;
import ad.eval.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip container of a model file, read defensively: a model file may come from anywhere, so its
 * reader trusts none of the sizes it declares.
 *
 * <ul>
 *   <li>Every entry is read only up to the size the manifest records for it: an entry that inflates
 *       further (a "zip bomb": 3 MB that expands to 3 GiB) is refused when the first extra byte
 *       appears, so memory never holds more than the manifest promised.
 *   <li>What the manifest promises is checked before anything is read: at most {@link #MAX_ENTRIES}
 *       entries, no entry larger than a Java array or than deflate could inflate this file to
 *       ({@link #MAX_INFLATION} times its size), and all of them together within the memory this JVM
 *       has free; the manifest itself is read up to {@link #MAX_MANIFEST_BYTES}.
 *   <li>Each entry name appears once, and every entry is one the manifest lists (or the manifest and
 *       its checksum): a zip whose two copies of an entry could be read differently by two readers,
 *       or that carries anything unlisted, is refused.
 *   <li>Each entry's SHA-256 matches the manifest's, and the manifest's matches its checksum entry.
 * </ul>
 * Every refusal is a {@link UserException} naming the file and what is wrong with it.
 */
final class ModelArchive {
  /** Far more than any model writes (a few per layer), far fewer than a file built to exhaust memory. */
  static final int MAX_ENTRIES = 10_000;
  /** The manifest lists feature names; 300,000 long names fit easily. */
  static final int MAX_MANIFEST_BYTES = 64 << 20;
  /** Deflate's best compression ratio is about 1032:1, so no genuine entry inflates beyond this. */
  static final long MAX_INFLATION = 1100;
  /** The largest Java array. */
  static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 8;

  private final Path file;

  private ModelArchive(Path file) {
    this.file = file;
  }

  /**
   * The manifest (after checking its checksum, format and version) and every entry it lists, verified.
   *
   * @param checkManifest checks format and version of the parsed manifest, before any other entry is read
   */
  static Contents read(Path file, java.util.function.Consumer<JsonNode> checkManifest) {
    ReadableFile.requireFile(file, "model file", "");
    return new ModelArchive(file).read(checkManifest);
  }

  /** A verified model file: its manifest and its listed entries by name. */
  record Contents(JsonNode manifest, Map<String, byte[]> entries) {}

  private Contents read(java.util.function.Consumer<JsonNode> checkManifest) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Set<String> names = names(zip);
      JsonNode manifest = manifest(zip, names);
      checkManifest.accept(manifest);
      Map<String, byte[]> entries = entries(zip, names, manifest.get("entries"));
      return new Contents(manifest, entries);
    } catch (ZipException e) {
      throw new UserException(file + " is not an ad model file, or it is truncated (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UserException("cannot read model file " + file + ": " + FileProblems.reason(e));
    }
  }

  /** The entry names, each once, no more than the manifest could list. */
  private Set<String> names(ZipFile zip) {
    if (zip.size() > MAX_ENTRIES + 2) {
      throw new UserException(String.format(Locale.ROOT, "%s has %,d entries; an ad model file has at most %,d: "
          + "refusing it", file, zip.size(), MAX_ENTRIES + 2));
    }
    Set<String> names = new HashSet<>();
    for (ZipEntry entry : Collections.list(zip.entries())) {
      if (!names.add(entry.getName())) {
        throw new UserException(file + " holds entry '" + entry.getName() + "' twice: refusing a file that was "
            + "altered (an ad model file names each entry once)");
      }
    }
    return names;
  }

  private JsonNode manifest(ZipFile zip, Set<String> names) throws IOException {
    if (!names.contains(PipelineFile.MANIFEST)) {
      throw new UserException(file + " is not an ad model file: it has no " + PipelineFile.MANIFEST);
    }
    Read manifestBytes = bounded(zip, PipelineFile.MANIFEST, MAX_MANIFEST_BYTES);
    if (manifestBytes.overflowed()) {
      throw new UserException(String.format(Locale.ROOT, "%s is not an ad model file: its %s inflates beyond "
          + "%,d MiB (a zip bomb?)", file, PipelineFile.MANIFEST, MAX_MANIFEST_BYTES >> 20));
    }
    JsonNode manifest;
    try {
      manifest = Json.MAPPER.readTree(manifestBytes.bytes());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserException(file + " is corrupt: its manifest is not valid JSON");
    }
    if (manifest == null || !manifest.isObject() || !PipelineFile.FORMAT.equals(manifest.path("format").asText())) {
      throw new UserException(file + " is not an ad model file (format '"
          + (manifest == null ? "" : manifest.path("format").asText()) + "', expected '" + PipelineFile.FORMAT + "')");
    }
    String expected = "";
    if (names.contains(PipelineFile.MANIFEST_DIGEST)) {
      Read digest = bounded(zip, PipelineFile.MANIFEST_DIGEST, 128);
      expected = new String(digest.bytes(), StandardCharsets.US_ASCII).trim();
    }
    if (!manifestBytes.sha256().equals(expected)) {
      throw new UserException(file + " is corrupt: its manifest does not match its checksum "
          + "(the file was altered or damaged)");
    }
    return manifest;
  }

  /** Every entry the manifest lists, after checking its size and SHA-256; nothing unlisted. */
  private Map<String, byte[]> entries(ZipFile zip, Set<String> names, JsonNode listing) throws IOException {
    if (listing == null || !listing.isObject()) {
      throw new UserException(file + " is corrupt: its manifest lists no entries");
    }
    if (listing.size() > MAX_ENTRIES) {
      throw new UserException(String.format(Locale.ROOT, "%s is corrupt: its manifest lists %,d entries, more "
          + "than the %,d an ad model file may have", file, listing.size(), MAX_ENTRIES));
    }
    for (String name : names) {
      if (!name.equals(PipelineFile.MANIFEST) && !name.equals(PipelineFile.MANIFEST_DIGEST) && !listing.has(name)) {
        throw new UserException(file + " has an entry its manifest does not list ('" + name
            + "'): refusing a file that was altered");
      }
    }
    Map<String, Long> sizes = declaredSizes(listing, names);
    Map<String, byte[]> out = new TreeMap<>();
    for (Map.Entry<String, Long> e : sizes.entrySet()) {
      String name = e.getKey();
      long size = e.getValue();
      Read read = bounded(zip, name, size);
      if (read.overflowed()) {
        throw new UserException(String.format(Locale.ROOT, "%s is corrupt: entry '%s' inflates beyond the %,d "
            + "bytes its manifest records (a zip bomb?)", file, name, size));
      }
      if (read.bytes().length != size || !read.sha256().equals(listing.get(name).path("sha256").asText())) {
        throw new UserException(file + " is corrupt: the checksum of entry '" + name
            + "' does not match its manifest");
      }
      out.put(name, read.bytes());
    }
    return out;
  }

  /**
   * The size the manifest records for each entry, checked against what the file could hold and the
   * memory this JVM has, before any entry is read.
   */
  private Map<String, Long> declaredSizes(JsonNode listing, Set<String> names) throws IOException {
    long fileBytes = Files.size(file);
    long limit = Math.min(MAX_ENTRY_BYTES, MAX_INFLATION * fileBytes + 1024);
    Map<String, Long> sizes = new TreeMap<>();
    long total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = listing.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (!names.contains(name)) {
        throw new UserException(file + " is corrupt: entry '" + name + "' is missing");
      }
      JsonNode bytes = e.getValue().path("bytes");
      if (!bytes.canConvertToExactIntegral() || !bytes.canConvertToLong() || bytes.asLong() < 0
          || bytes.asLong() > limit) {
        throw new UserException(String.format(Locale.ROOT, "%s is corrupt: its manifest records %s bytes for "
            + "entry '%s', which a file of %,d bytes cannot hold", file, bytes.isMissingNode() ? "no" : bytes.toString(),
            name, fileBytes));
      }
      sizes.put(name, bytes.asLong());
      total += bytes.asLong();
    }
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    // The entries are held as bytes, then as the model's own arrays: about twice their size.
    if (2 * total > free) {
      throw new UserException(String.format(Locale.ROOT, "%s holds %,d MB of model state, more than this JVM can "
          + "load with %,d MB free: give it more memory, e.g. AD_JAVA_OPTS=-Xmx%dg", file, total >> 20, free >> 20,
          Math.max(2, (4 * total >> 30) + 1)));
    }
    return sizes;
  }

  /** An entry's first bytes, up to a limit, whether it has more, and the SHA-256 of what was read. */
  private record Read(byte[] bytes, boolean overflowed, String sha256) {}

  /** Reads entry {@code name} up to {@code limit} bytes, and one more to tell whether it goes on. */
  private static Read bounded(ZipFile zip, String name, long limit) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
      byte[] bytes = in.readNBytes((int) limit);
      boolean overflowed = bytes.length == limit && in.read() >= 0;
      return new Read(bytes, overflowed, HexFormat.of().formatHex(sha.digest()));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
