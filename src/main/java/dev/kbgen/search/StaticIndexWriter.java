package dev.kbgen.search;

import dev.kbgen.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a language's static index: a manifest, term-range shards of one-byte impacts (front-coded
 * terms, delta-encoded postings), document tables and facets. Every file is a classic script that
 * hands its data to the runtime's registrar, so the index works from {@code file://}; every name
 * carries a hash of its content.
 */
public final class StaticIndexWriter {
  /** Raw bytes per shard before a new one is started. */
  static final int SHARD_BYTES = 6 * 1024;

  /** Documents per document-table file. */
  static final int DOC_CHUNK = 8;

  private StaticIndexWriter() {}

  /**
   * The files of one language's index, paths from the site root, plus the manifest's path.
   *
   * @param names display names of products, tags and types for the filters
   */
  public record Output(Map<String, byte[]> files, String manifest) {}

  public static Output write(LanguageIndex index, Map<String, Map<String, String>> names) {
    String lang = index.lang();
    String dir = "search/" + lang + "/";
    Map<String, byte[]> files = new TreeMap<>();
    TreeMap<String, Postings> impacts = index.impacts();
    float max = 0;
    for (Postings p : impacts.values()) {
      for (float f : p.impacts()) {
        max = Math.max(max, f);
      }
    }
    float scale = max > 0 ? max / 255f : 1f;

    List<List<Object>> shards = new ArrayList<>();
    ShardBuilder shard = new ShardBuilder();
    int shardNo = 0;
    for (var e : impacts.entrySet()) {
      if (shard.size() >= SHARD_BYTES) {
        shards.add(finishShard(files, dir, lang, shardNo++, shard));
        shard = new ShardBuilder();
      }
      shard.add(e.getKey(), e.getValue(), scale);
    }
    if (shard.count > 0 || shards.isEmpty()) {
      shards.add(finishShard(files, dir, lang, shardNo, shard));
    }

    List<SearchDocument> docs = index.documents();
    List<String> docFiles = new ArrayList<>();
    for (int start = 0, chunk = 0; start < docs.size(); start += DOC_CHUNK, chunk++) {
      List<Object> rows = new ArrayList<>();
      for (SearchDocument d : docs.subList(start, Math.min(docs.size(), start + DOC_CHUNK))) {
        rows.add(
            List.of(
                d.id(),
                d.title(),
                d.url(),
                d.summary(),
                d.product(),
                d.type(),
                d.tags(),
                d.excerpt()));
      }
      String js = "__kb.docs(" + Json.write(lang) + "," + chunk + "," + Json.write(rows) + ");\n";
      docFiles.add(put(files, dir, "d" + chunk, js));
    }

    TreeSet<String> products = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> tags = new TreeSet<>();
    for (SearchDocument d : docs) {
      products.add(d.product());
      types.add(d.type());
      tags.addAll(d.tags());
    }
    List<String> productList = List.copyOf(products);
    List<String> typeList = List.copyOf(types);
    List<String> tagList = List.copyOf(tags);
    List<Object> facetRows = new ArrayList<>();
    for (SearchDocument d : docs) {
      facetRows.add(
          List.of(
              productList.indexOf(d.product()),
              typeList.indexOf(d.type()),
              d.tags().stream().map(tagList::indexOf).toList()));
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("products", productList);
    keys.put("types", typeList);
    keys.put("tags", tagList);
    String facets =
        put(
            files,
            dir,
            "facets",
            "__kb.facets("
                + Json.write(lang)
                + ","
                + Json.write(facetRows)
                + ","
                + Json.write(keys)
                + ");\n");

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("v", 1);
    manifest.put("lang", lang);
    manifest.put("n", docs.size());
    manifest.put("scale", (double) scale);
    manifest.put("shards", shards);
    manifest.put("docChunk", DOC_CHUNK);
    manifest.put("docs", docFiles);
    manifest.put("facets", facets);
    manifest.put("products", names.getOrDefault("products", Map.of()));
    manifest.put("tags", names.getOrDefault("tags", Map.of()));
    manifest.put("types", names.getOrDefault("types", Map.of()));
    String manifestFile =
        put(
            files,
            dir,
            "manifest",
            "__kb.manifest(" + Json.write(lang) + "," + Json.write(manifest) + ");\n");
    return new Output(files, dir + manifestFile);
  }

  private static List<Object> finishShard(
      Map<String, byte[]> files, String dir, String lang, int no, ShardBuilder shard) {
    String base64 = Base64.getEncoder().encodeToString(shard.bytes());
    String file =
        put(
            files,
            dir,
            "t" + no,
            "__kb.shard(" + Json.write(lang) + "," + no + ",\"" + base64 + "\");\n");
    return List.of(shard.first == null ? "" : shard.first, file);
  }

  /** Stores a script under a name with its content hash; returns the file name. */
  private static String put(Map<String, byte[]> files, String dir, String name, String js) {
    byte[] bytes = js.getBytes(StandardCharsets.UTF_8);
    String file = name + "." + hash(bytes) + ".js";
    files.put(dir + file, bytes);
    return file;
  }

  /** The first 8 hex digits of the SHA-256 of some bytes. */
  public static String hash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One shard's bytes: front-coded terms, each followed by its delta-encoded postings. */
  private static final class ShardBuilder {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private String previous = "";
    private String first;
    private int count;

    void add(String term, Postings postings, float scale) {
      if (first == null) {
        first = term;
      }
      int prefix = 0;
      int limit = Math.min(previous.length(), term.length());
      while (prefix < limit && previous.charAt(prefix) == term.charAt(prefix)) {
        prefix++;
      }
      if (prefix > 0 && Character.isHighSurrogate(term.charAt(prefix - 1))) {
        prefix--;
      }
      byte[] suffix = term.substring(prefix).getBytes(StandardCharsets.UTF_8);
      varint(body, prefix);
      varint(body, suffix.length);
      body.writeBytes(suffix);
      int[] docs = postings.docs();
      float[] impacts = postings.impacts();
      varint(body, docs.length);
      int last = 0;
      for (int i = 0; i < docs.length; i++) {
        varint(body, docs[i] - last);
        last = docs[i];
        body.write(quantize(impacts[i], scale));
      }
      previous = term;
      count++;
    }

    int size() {
      return body.size();
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 5);
      varint(out, count);
      out.writeBytes(body.toByteArray());
      return out.toByteArray();
    }
  }

  /** One byte, 1..255: an impact relative to the language's largest. */
  public static int quantize(float impact, float scale) {
    return Math.max(1, Math.min(255, Math.round(impact / scale)));
  }

  static void varint(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }
}
