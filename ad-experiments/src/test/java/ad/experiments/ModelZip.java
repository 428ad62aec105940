package ad.experiments;

import ad.eval.io.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A model file taken apart for tests that build damaged or hostile ones: its entries in order
 * (duplicates allowed) and its manifest as JSON, which {@link #sign} lists and checksums again, as a
 * consistent file of other content would be.
 */
final class ModelZip {
  static final String MANIFEST = "manifest.json";
  static final String DIGEST = "manifest.sha256";

  /** One zip entry. */
  record Entry(String name, byte[] bytes) {}

  final List<Entry> entries;
  ObjectNode manifest;

  private ModelZip(List<Entry> entries, ObjectNode manifest) {
    this.entries = entries;
    this.manifest = manifest;
  }

  static ModelZip read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        entries.add(new Entry(e.getName(), zip.getInputStream(e).readAllBytes()));
      }
    }
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(find(entries, MANIFEST));
    return new ModelZip(entries, manifest);
  }

  ModelZip copy() {
    return new ModelZip(new ArrayList<>(entries), manifest.deepCopy());
  }

  /** The state entries (all but the manifest and its checksum). */
  List<Entry> state() {
    return entries.stream().filter(e -> !e.name().equals(MANIFEST) && !e.name().equals(DIGEST)).toList();
  }

  void replace(String name, byte[] bytes) {
    entries.replaceAll(e -> e.name().equals(name) ? new Entry(name, bytes) : e);
  }

  /**
   * Lists every state entry in the manifest with its true size and SHA-256, then writes the manifest
   * and its checksum: the file is then consistent, whatever the edits.
   */
  ModelZip sign() {
    ObjectNode listing = manifest.putObject("entries");
    for (Entry e : state()) {
      if (!listing.has(e.name())) {
        listing.putObject(e.name()).put("bytes", e.bytes().length).put("sha256", sha256(e.bytes()));
      }
    }
    return signManifestOnly();
  }

  /** Writes the manifest as it stands and its checksum, without touching the entry listing. */
  ModelZip signManifestOnly() {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    entries.replaceAll(e -> e.name().equals(MANIFEST) ? new Entry(MANIFEST, bytes)
        : e.name().equals(DIGEST) ? new Entry(DIGEST, sha256(bytes).getBytes(StandardCharsets.US_ASCII)) : e);
    return this;
  }

  /**
   * Writes the entries in order. ZipOutputStream refuses a name twice, so a second copy is written
   * under a stand-in name of the same length, renamed afterwards in the file's bytes (its local header
   * and its central directory record).
   */
  Path write(Path target) throws IOException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<String[]> renames = new ArrayList<>();
    try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Entry e : entries) {
        String name = e.name();
        if (seen.contains(name)) {
          String stand = "#" + name.substring(1);
          renames.add(new String[] {stand, name});
          name = stand;
        }
        seen.add(name);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(e.bytes());
        zip.closeEntry();
      }
    }
    if (renames.isEmpty()) {
      return target;
    }
    byte[] bytes = Files.readAllBytes(target);
    for (String[] r : renames) {
      byte[] from = r[0].getBytes(StandardCharsets.UTF_8);
      byte[] to = r[1].getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i + from.length <= bytes.length; i++) {
        if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
          System.arraycopy(to, 0, bytes, i, to.length);
        }
      }
    }
    return Files.write(target, bytes);
  }

  private static byte[] find(List<Entry> entries, String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().bytes();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
