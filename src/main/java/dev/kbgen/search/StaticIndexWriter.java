package dev.kbgen.search;

import dev.kbgen.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.store.ByteBuffersDataOutput;

/**
 * Writes a language's static index: a manifest, term-range shards of one-byte impacts (front-coded
 * terms, delta-encoded postings), document tables, vocabulary files for typo correction and
 * type-ahead, and facets. Every file is a classic script that hands its data to the runtime's
 * registrar, so the index works from {@code file://}.
 *
 * <p>The manifest names no shard, table or vocabulary file: each set is numbered ({@code t<i>},
 * {@code d<i>}, {@code v<i>}) and carries one hash of all its files' content ({@code
 * t<i>.<hash>.js}), so a change to any file of a set renames the whole set and the manifest stays
 * small. It lists the shard bounds (front-coded) and the first letters of the vocabulary files.
 */
public final class StaticIndexWriter {
  /** Raw bytes per shard before a new one is started. */
  static final int SHARD_BYTES = 3 * 1024;

  /** Documents per document-table file. */
  static final int DOC_CHUNK = 4;

  /** The longest prefix that a bound shares with the previous one in the front-coded list. */
  static final int MAX_SHARED = 62;

  private StaticIndexWriter() {}

  /**
   * The files of one language's index, paths from the site root, plus the manifest's path.
   *
   * @param names display names of products, tags and types for the filters
   */
  public record Output(Map<String, byte[]> files, String manifest) {}

  public static Output write(LanguageIndex index, Map<String, Map<String, String>> names) {
    return write(index, names, Synonyms.NONE);
  }

  /** Writes the index with the site's analysed synonym groups in its manifest ({@code syn}). */
  public static Output write(
      LanguageIndex index, Map<String, Map<String, String>> names, Synonyms synonyms) {
    String lang = index.lang();
    String dir = "search/" + lang + "/";
    String jsLang = Json.write(lang);
    Map<String, byte[]> files = new TreeMap<>();
    TreeMap<String, Postings> impacts = index.impacts();
    float max = 0;
    for (Postings p : impacts.values()) {
      for (float f : p.impacts()) {
        max = Math.max(max, f);
      }
    }
    float scale = max > 0 ? max / 255f : 1f;

    List<ShardBuilder> shards = new ArrayList<>();
    ShardBuilder shard = new ShardBuilder();
    for (var e : impacts.entrySet()) {
      if (shard.size() >= SHARD_BYTES) {
        shards.add(shard);
        shard = new ShardBuilder();
      }
      shard.add(e.getKey(), e.getValue(), scale);
    }
    shards.add(shard);
    List<String> shardFiles = new ArrayList<>();
    List<String> bounds = new ArrayList<>();
    String previousLast = "";
    for (int i = 0; i < shards.size(); i++) {
      ShardBuilder b = shards.get(i);
      String base64 = Base64.getEncoder().encodeToString(b.bytes());
      shardFiles.add("__kb.shard(" + jsLang + "," + i + ",\"" + base64 + "\");\n");
      bounds.add(b.first == null ? "" : bound(previousLast, b.first));
      if (b.first != null) {
        previousLast = b.previous;
      }
    }
    String shardHash = putSet(files, dir, "t", shardFiles);

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
      docFiles.add("__kb.docs(" + jsLang + "," + chunk + "," + Json.write(rows) + ");\n");
    }
    String docHash = putSet(files, dir, "d", docFiles);

    // Vocabulary: the words of letters only, by first code point, front-coded with their df, then
    // how the documents spell them ("/" + code units shared with the term + the rest).
    TreeMap<Integer, StringBuilder> vocab = new TreeMap<>();
    Map<Integer, String> lastWord = new HashMap<>();
    for (var e : impacts.entrySet()) {
      String term = e.getKey();
      if (!Analysis.isLetterWord(term)) {
        continue;
      }
      int first = term.codePointAt(0);
      StringBuilder sb = vocab.computeIfAbsent(first, k -> new StringBuilder());
      int shared = shared(lastWord.getOrDefault(first, ""), term, Integer.MAX_VALUE);
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(shared).append(term, shared, term.length()).append(e.getValue().df());
      List<String> forms = index.forms(term);
      // A word spelled only as its term needs no form: the runtime then compares the term.
      if (!forms.equals(List.of(term))) {
        for (String form : forms) {
          int k = shared(term, form, Integer.MAX_VALUE);
          sb.append('/').append(k).append(form, k, form.length());
        }
      }
      lastWord.put(first, term);
    }
    StringBuilder vocabFirst = new StringBuilder();
    List<String> vocabFiles = new ArrayList<>();
    for (var e : vocab.entrySet()) {
      vocabFiles.add(
          "__kb.vocab("
              + jsLang
              + ","
              + vocabFiles.size()
              + ","
              + Json.write(e.getValue().toString())
              + ");\n");
      vocabFirst.appendCodePoint(e.getKey());
    }
    String vocabHash = putSet(files, dir, "v", vocabFiles);

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
                + jsLang
                + ","
                + Json.write(facetRows)
                + ","
                + Json.write(keys)
                + ");\n");

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("v", 3);
    manifest.put("lang", lang);
    manifest.put("n", docs.size());
    manifest.put("scale", (double) scale);
    manifest.put("shards", shardFiles.size());
    manifest.put("shardHash", shardHash);
    manifest.put("bounds", frontCode(bounds));
    manifest.put("docChunk", DOC_CHUNK);
    manifest.put("docFiles", docFiles.size());
    manifest.put("docHash", docHash);
    manifest.put("vocab", vocabFirst.toString());
    manifest.put("vocabHash", vocabHash);
    manifest.put("facets", facets);
    manifest.put("products", names.getOrDefault("products", Map.of()));
    manifest.put("tags", names.getOrDefault("tags", Map.of()));
    manifest.put("types", names.getOrDefault("types", Map.of()));
    if (!synonyms.groups().isEmpty()) {
      manifest.put("syn", synonyms.groups());
    }
    if (mostlyChinese(docs)) {
      // Chinese pages: the characters a query's Han text is folded from, and the file of pairs
      manifest.put("fold", ChineseFolding.bits());
      manifest.put(
          "foldFile",
          put(
              files,
              dir,
              "fold",
              "__kb.fold(" + jsLang + "," + Json.write(ChineseFolding.pairs()) + ");\n"));
    }
    String manifestFile =
        put(
            files,
            dir,
            "manifest",
            "__kb.manifest(" + jsLang + "," + Json.write(manifest) + ");\n");
    return new Output(files, dir + manifestFile);
  }

  /**
   * Whether most of a language's documents have Chinese text in their title or excerpt: its queries
   * are then folded from traditional characters (an English page that names "中文" does not make
   * English queries load the folding). Read from the documents, not from every posting.
   */
  private static boolean mostlyChinese(List<SearchDocument> docs) {
    long chinese = docs.stream().filter(d -> hasHan(d.title()) || hasHan(d.excerpt())).count();
    return chinese * 2 > docs.size();
  }

  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(Analysis::isHan);
  }

  /**
   * A shard's bound: the shortest prefix (one code point at least) of its first term that sorts
   * after the previous shard's last term. A term belongs to the last shard whose bound is {@code
   * <=} it.
   */
  static String bound(String previousLast, String first) {
    int n = Character.charCount(first.codePointAt(0));
    while (n < first.length() && first.substring(0, n).compareTo(previousLast) <= 0) {
      n += Character.charCount(first.codePointAt(n));
    }
    return first.substring(0, n);
  }

  /**
   * Bounds as one string: per bound, a character {@code '@' + shared} (code units shared with the
   * previous bound, at most {@link #MAX_SHARED}) and the rest of the bound, separated by {@code \n}
   * (which no term contains).
   */
  static String frontCode(List<String> bounds) {
    StringBuilder out = new StringBuilder();
    String previous = "";
    for (String b : bounds) {
      if (b.indexOf('\n') >= 0) {
        throw new IllegalStateException("a term with a line break: " + b);
      }
      int shared = shared(previous, b, MAX_SHARED);
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append((char) ('@' + shared)).append(b, shared, b.length());
      previous = b;
    }
    return out.toString();
  }

  /** Code units two strings share at the start, at most max, never half a surrogate pair. */
  static int shared(String a, String b, int max) {
    int n = 0;
    int limit = Math.min(max, Math.min(a.length(), b.length()));
    while (n < limit && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    if (n > 0 && Character.isHighSurrogate(b.charAt(n - 1))) {
      n--;
    }
    return n;
  }

  /** Stores a numbered set of scripts, {@code <prefix><i>.<hash>.js}; returns the set's hash. */
  private static String putSet(
      Map<String, byte[]> files, String dir, String prefix, List<String> scripts) {
    MessageDigest digest = sha256();
    List<byte[]> bytes = new ArrayList<>();
    for (String js : scripts) {
      byte[] b = js.getBytes(StandardCharsets.UTF_8);
      digest.update(b);
      bytes.add(b);
    }
    String hash = HexFormat.of().formatHex(digest.digest(), 0, 4);
    for (int i = 0; i < bytes.size(); i++) {
      files.put(dir + prefix + i + "." + hash + ".js", bytes.get(i));
    }
    return hash;
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
    return HexFormat.of().formatHex(sha256().digest(bytes), 0, 4);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One shard's bytes: front-coded terms, each followed by its delta-encoded postings. Lucene's
   * variable-length integers are the runtime's: seven bits a byte, lowest first, the high bit set
   * on every byte but the last.
   */
  private static final class ShardBuilder {
    // Not a ByteArrayOutputStream: its every write takes a lock, and a shard is written a byte at
    // a time.
    private final ByteBuffersDataOutput body = new ByteBuffersDataOutput();
    private String previous = "";
    private String first;
    private int count;

    void add(String term, Postings postings, float scale) {
      if (first == null) {
        first = term;
      }
      int prefix = shared(previous, term, Integer.MAX_VALUE);
      byte[] suffix = term.substring(prefix).getBytes(StandardCharsets.UTF_8);
      int[] docs = postings.docs();
      float[] impacts = postings.impacts();
      try {
        body.writeVInt(prefix);
        body.writeVInt(suffix.length);
        body.writeBytes(suffix, 0, suffix.length);
        body.writeVInt(docs.length);
        int last = 0;
        for (int i = 0; i < docs.length; i++) {
          body.writeVInt(docs[i] - last);
          last = docs[i];
          body.writeByte((byte) quantize(impacts[i], scale));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // memory only
      }
      previous = term;
      count++;
    }

    long size() {
      return body.size();
    }

    byte[] bytes() {
      ByteBuffersDataOutput out = new ByteBuffersDataOutput();
      try {
        out.writeVInt(count);
        body.copyTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // memory only
      }
      return out.toArrayCopy();
    }
  }

  /** One byte, 1..255: an impact relative to the language's largest. */
  public static int quantize(float impact, float scale) {
    return Math.max(1, Math.min(255, Math.round(impact / scale)));
  }
}
