package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The static index files: numbered sets with one hash each, shard bounds, vocabulary files. */
class StaticIndexWriterTest {
  static Analysis analysis;
  static LanguageIndex index;
  static StaticIndexWriter.Output out;

  @BeforeAll
  static void build() {
    analysis = new Analysis();
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StringBuilder body = new StringBuilder();
      for (int j = 0; j < 40; j++) {
        body.append(word(i * 7 + j * 13)).append(' ');
      }
      body.append("E-").append(1000 + i).append(" TLS").append(i % 3).append(" 同步失败 Ärger");
      docs.add(document(i, "Sync stops " + word(i), body.toString()));
    }
    index = LanguageIndex.build("en", docs, analysis);
    out = StaticIndexWriter.write(index, Map.of());
  }

  @AfterAll
  static void close() {
    index.close();
    analysis.close();
  }

  static String word(int n) {
    String letters = "bcdfghklmnprstvz";
    StringBuilder w = new StringBuilder();
    for (int k = 0, v = n * 2654435 + 12345; k < 3 + n % 4; k++, v /= 7) {
      w.append(letters.charAt(Math.floorMod(v, 16))).append("aeiou".charAt(Math.floorMod(v, 5)));
    }
    return w.toString();
  }

  static SearchDocument document(int i, String title, String body) {
    return new SearchDocument(
        String.format("en/sync/a%03d.md", i),
        "KB-" + i,
        "en",
        title,
        "en/sync/a" + i + "/index.html",
        "",
        "sync",
        "troubleshooting",
        List.of("desktop"),
        body.substring(0, Math.min(40, body.length())),
        Map.of(SearchField.TITLE, title, SearchField.BODY, body),
        List.of());
  }

  static String manifest() {
    return new String(out.files().get(out.manifest()), StandardCharsets.UTF_8);
  }

  static String field(String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|\\d+)").matcher(manifest());
    assertThat(m.find()).as(name).isTrue();
    String v = m.group(1);
    return v.startsWith("\"") ? unescape(v.substring(1, v.length() - 1)) : v;
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n")
        .replace("\\u003c", "<")
        .replace("\\u003e", ">")
        .replace("\\\\", "\\");
  }

  /** The script of file i of a numbered set. */
  static String script(String set, int i) {
    String hash = field(Map.of("t", "shardHash", "d", "docHash", "v", "vocabHash").get(set));
    byte[] bytes = out.files().get("search/en/" + set + i + "." + hash + ".js");
    assertThat(bytes).as(set + i).isNotNull();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void filesAreNumberedSetsWithOneHashEach() {
    Map<String, TreeSet<String>> hashes = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    Pattern name = Pattern.compile("search/en/([tdv])(\\d+)\\.([0-9a-f]{8})\\.js");
    for (String path : out.files().keySet()) {
      Matcher m = name.matcher(path);
      if (m.matches()) {
        hashes.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(3));
        counts.merge(m.group(1), 1, Integer::sum);
      } else {
        assertThat(path).matches("search/en/(manifest|facets|fold)\\.[0-9a-f]{8}\\.js");
      }
    }
    assertThat(hashes.keySet()).containsExactly("d", "t", "v");
    hashes.values().forEach(h -> assertThat(h).hasSize(1));
    assertThat(counts.get("t")).isEqualTo(Integer.parseInt(field("shards"))).isGreaterThan(3);
    assertThat(counts.get("d")).isEqualTo(Integer.parseInt(field("docFiles"))).isEqualTo(15);
    assertThat(field("docChunk")).isEqualTo("4");
    assertThat(counts.get("v"))
        .isEqualTo(field("vocab").codePointCount(0, field("vocab").length()));
    assertThat(manifest()).doesNotContain("t0.").doesNotContain("d0.");
  }

  @Test
  void everyTermIsInTheShardItsBoundsSelect() {
    List<String> bounds = decodeBounds(field("bounds"));
    assertThat(bounds).hasSize(Integer.parseInt(field("shards")));
    int checked = 0;
    for (int i = 0; i < bounds.size(); i++) {
      for (String term : shardTerms(script("t", i))) {
        int floor = -1;
        for (int b = 0; b < bounds.size(); b++) {
          if (bounds.get(b).compareTo(term) <= 0) {
            floor = b;
          }
        }
        assertThat(floor).as(term).isEqualTo(i);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(index.impacts().size());
  }

  @Test
  void vocabularyFilesListTheWordsOfLettersByFirstLetter() {
    String first = field("vocab");
    NavigableMap<String, Integer> expected = new TreeMap<>();
    index
        .impacts()
        .forEach(
            (t, p) -> {
              if (t.matches("[a-zäöüß]+")) {
                expected.put(t, p.df());
              }
            });
    NavigableMap<String, Integer> actual = new TreeMap<>();
    Map<String, List<String>> forms = new TreeMap<>();
    int[] firsts = first.codePoints().toArray();
    for (int i = 0; i < firsts.length; i++) {
      String js = script("v", i);
      String data = js.substring(js.indexOf(",\"") + 2, js.lastIndexOf('"'));
      String previous = "";
      for (String e : data.split(",")) {
        String[] parts = e.split("/");
        Matcher m = Pattern.compile("(\\d+)(\\D+)(\\d+)").matcher(parts[0]);
        assertThat(m.matches()).as(e).isTrue();
        String term = previous.substring(0, Integer.parseInt(m.group(1))) + m.group(2);
        assertThat(term.codePointAt(0)).isEqualTo(firsts[i]);
        actual.put(term, Integer.parseInt(m.group(3)));
        for (int f = 1; f < parts.length; f++) {
          Matcher fm = Pattern.compile("(\\d+)(\\D*)").matcher(parts[f]);
          assertThat(fm.matches()).as(e).isTrue();
          String form = term.substring(0, Integer.parseInt(fm.group(1))) + fm.group(2);
          forms.computeIfAbsent(term, k -> new ArrayList<>()).add(form);
        }
        previous = term;
      }
    }
    assertThat(actual).isEqualTo(expected).containsKey("ärger").doesNotContainKey("tls1");
    // how the documents spell the words: "Sync stops" in every title, "Ärger" in every body; a
    // word spelled only as its term lists no spelling
    assertThat(forms).containsEntry("stop", List.of("stops")).doesNotContainKey("sync");
    assertThat(forms).doesNotContainKey("ärger");
    assertThat(index.forms("sync")).containsExactly("sync");
    assertThat(forms.keySet()).isSubsetOf(expected.keySet());
    forms.forEach(
        (term, spellings) -> {
          assertThat(spellings)
              .isSortedAccordingTo(
                  java.util.Comparator.comparingInt(String::length).thenComparing(w -> w));
          for (String w : spellings) {
            assertThat(analysis.analyze(w, Analysis.Mode.DOC)).as(w).containsExactly(term);
          }
        });
  }

  @Test
  void boundsAreShortestPrefixesAfterThePreviousShard() {
    assertThat(StaticIndexWriter.bound("", "!e-1000")).isEqualTo("!");
    assertThat(StaticIndexWriter.bound("connect", "connector")).isEqualTo("connecto");
    assertThat(StaticIndexWriter.bound("apple", "banana")).isEqualTo("b");
    assertThat(StaticIndexWriter.bound("同步", "同步失败")).isEqualTo("同步失");
    // never half a surrogate pair
    assertThat(StaticIndexWriter.bound("\uD840\uDC00a", "\uD840\uDC01")).isEqualTo("\uD840\uDC01");
    List<String> bounds = List.of("!", "#10", "#101", "a", "connecto", "connectz", "\uD840\uDC00");
    String coded = StaticIndexWriter.frontCode(bounds);
    assertThat(coded).startsWith("@!\n@#10\nC1\n@a\n");
    assertThat(decodeBounds(coded)).isEqualTo(bounds);
  }

  @Test
  void aChangedArticleRenamesItsSets() {
    List<SearchDocument> docs = new ArrayList<>(index.documents());
    docs.set(5, document(5, "Sync stops again", "A different body"));
    try (LanguageIndex other = LanguageIndex.build("en", docs, analysis)) {
      String manifest = out.manifest();
      StaticIndexWriter.Output changed = StaticIndexWriter.write(other, Map.of());
      assertThat(changed.manifest()).isNotEqualTo(manifest);
      assertThat(changed.files().keySet())
          .noneMatch(p -> p.matches(".*/[td]\\d+\\..*") && out.files().containsKey(p));
    }
  }

  static List<String> decodeBounds(String s) {
    List<String> out = new ArrayList<>();
    String previous = "";
    for (String e : s.split("\n", -1)) {
      previous = previous.substring(0, e.charAt(0) - '@') + e.substring(1);
      out.add(previous);
    }
    return out;
  }

  /** The terms of a shard script (docs/search-format.md §3 byte layout). */
  static List<String> shardTerms(String js) {
    byte[] b = Base64.getDecoder().decode(js.substring(js.indexOf(",\"") + 2, js.lastIndexOf('"')));
    int[] p = {0};
    List<String> terms = new ArrayList<>();
    String previous = "";
    for (int n = varint(b, p), i = 0; i < n; i++) {
      int prefix = varint(b, p);
      int len = varint(b, p);
      previous = previous.substring(0, prefix) + new String(b, p[0], len, StandardCharsets.UTF_8);
      p[0] += len;
      terms.add(previous);
      for (int d = varint(b, p); d > 0; d--) {
        varint(b, p);
        p[0]++;
      }
    }
    return terms;
  }

  static int varint(byte[] b, int[] p) {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      int c = b[p[0]++] & 0xFF;
      v |= (c & 0x7F) << shift;
      if (c < 0x80) {
        return v;
      }
    }
  }

  /**
   * An index whose documents are mostly Chinese names the characters a query is folded from and the
   * file of pairs; one with a few Chinese words among English pages does not, so that English
   * queries load nothing more.
   */
  @Test
  void theFoldingIsWrittenForMostlyChineseIndexesOnly() {
    for (int chinese = 1; chinese <= 2; chinese++) {
      List<SearchDocument> docs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        docs.add(document(i, "Sync stops", i < chinese ? "同步暂停，拒绝访问" : "Access is denied"));
      }
      try (LanguageIndex other = LanguageIndex.build("en", docs, analysis)) {
        StaticIndexWriter.Output written = StaticIndexWriter.write(other, Map.of());
        String m = new String(written.files().get(written.manifest()), StandardCharsets.UTF_8);
        List<String> folds =
            written.files().keySet().stream().filter(f -> f.contains("/fold.")).toList();
        if (chinese == 1) {
          assertThat(m).doesNotContain("\"fold");
          assertThat(folds).isEmpty();
        } else {
          assertThat(folds).hasSize(1);
          assertThat(m).contains("\"foldFile\":\"" + folds.get(0).substring("search/en/".length()));
          assertThat(new String(written.files().get(folds.get(0)), StandardCharsets.UTF_8))
              .startsWith("__kb.fold(\"en\",\"")
              .contains("暫暂");
        }
      }
    }
  }
}
