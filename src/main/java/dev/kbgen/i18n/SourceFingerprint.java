package dev.kbgen.i18n;

import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.content.CodeFences;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a translation is made from: SHA-256 hashes of the source article's title, summary,
 * introduction and level-2 sections, each normalised so that only a real change of the text changes
 * a hash: NFC, and every run of white space one space, but a blank line (a new paragraph) and the
 * lines of a code block as they are, without trailing spaces. Re-wrapping a paragraph, or a second
 * space after a list marker, changes nothing.
 *
 * <p>Marks written before white space inside a line was normalised hashed each line as it was
 * ({@link #legacy}); they still count as current while the text is the same.
 *
 * @param hash the whole article: 12 hex digits
 * @param sections per section key ({@code title}, {@code summary}, {@code intro}, {@code symptom},
 *     {@code cause}, ... or the slug of another heading), 8 hex digits, in the article's order
 */
public record SourceFingerprint(String hash, Map<String, String> sections) {
  private static final Pattern H2 =
      Pattern.compile("^ {0,3}##(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern NOT_KEY = Pattern.compile("[^\\p{L}\\p{N}]+");

  public SourceFingerprint {
    sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** The fingerprint of an article as it is now. */
  public static SourceFingerprint of(Article article, SectionNames names) {
    return of(article, names, SourceFingerprint::normalise);
  }

  /**
   * The fingerprint as marks made before white space inside lines was normalised have it (only
   * trailing spaces and blank lines were), to tell whether such a mark is still current.
   */
  public static SourceFingerprint legacy(Article article, SectionNames names) {
    return of(article, names, SourceFingerprint::normaliseLines);
  }

  private static SourceFingerprint of(
      Article article, SectionNames names, UnaryOperator<String> normalise) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("title", article.title());
    if (article.meta().summary() != null) {
      texts.put("summary", article.meta().summary());
    }
    List<String> lines = List.of(article.body().split("\n", -1));
    StringBuilder current = new StringBuilder();
    String key = "intro";
    CodeFences fences = new CodeFences();
    for (String line : lines) {
      Matcher h = fences.code(line) ? null : H2.matcher(line);
      if (h != null && h.matches()) {
        add(texts, key, current);
        current.setLength(0);
        key = key(h.group(1) == null ? "" : h.group(1), article.lang(), names);
      }
      current.append(line).append('\n');
    }
    add(texts, key, current);

    Map<String, String> sections = new LinkedHashMap<>();
    StringBuilder all = new StringBuilder();
    texts.forEach(
        (k, text) -> {
          String h = sha256(normalise.apply(text)).substring(0, 8);
          sections.put(k, h);
          all.append(k).append('\u0000').append(h).append('\n');
        });
    return new SourceFingerprint(sha256(all.toString()).substring(0, 12), sections);
  }

  /**
   * The keys whose hash differs between what a translation was made from and now: changed, added
   * and removed sections, in the order of the current source (removed ones last).
   */
  public List<String> changedSince(Map<String, String> recorded) {
    return changedSince(recorded, this);
  }

  /** What {@link #changedSince} names when only the order of the sections changed. */
  public static final String ORDER = "the order of its sections";

  /**
   * What changed since a translation was marked with {@code hash} and {@code recorded}: nothing
   * when either hash of the whole text is the recorded one; else the sections whose recorded hash
   * is neither of theirs ({@link #changedSince}), or {@link #ORDER} when the sections are the same
   * in another order.
   *
   * @param legacy the same article's {@link #legacy} fingerprint
   */
  public List<String> changedSince(
      String hash, Map<String, String> recorded, SourceFingerprint legacy) {
    if (this.hash.equals(hash) || legacy.hash.equals(hash)) {
      return List.of();
    }
    List<String> changed = changedSince(recorded, legacy);
    if (!changed.isEmpty()) {
      return changed;
    }
    return List.copyOf(recorded.keySet()).equals(List.copyOf(sections.keySet()))
        ? List.of()
        : List.of(ORDER);
  }

  private List<String> changedSince(Map<String, String> recorded, SourceFingerprint legacy) {
    List<String> out = new ArrayList<>();
    sections.forEach(
        (k, h) -> {
          String was = recorded.get(k);
          if (!h.equals(was) && !legacy.sections.getOrDefault(k, h).equals(was)) {
            out.add(k);
          }
        });
    recorded.keySet().stream().filter(k -> !sections.containsKey(k)).forEach(out::add);
    return List.copyOf(out);
  }

  private static void add(Map<String, String> texts, String key, StringBuilder text) {
    if (key.equals("intro") && text.toString().isBlank()) {
      return;
    }
    String unique = key;
    for (int i = 2; texts.containsKey(unique); i++) {
      unique = key + "-" + i;
    }
    texts.put(unique, text.toString());
  }

  /** A troubleshooting section by its kind, any other section by its heading. */
  private static String key(String heading, String lang, SectionNames names) {
    String plain = heading.replaceAll("[*_`]", "").strip();
    SectionKind kind = names.classify(lang, plain);
    if (kind != SectionKind.OTHER) {
      return kind.key();
    }
    String slug =
        NOT_KEY.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "section" : slug;
  }

  /**
   * NFC; each paragraph, list item, heading, quote line and table row one line with every run of
   * white space one space (a paragraph's lines joined with a space, or with none between two
   * Chinese characters), a list item with its indentation; the lines of code (fenced, or indented
   * four spaces after a blank line) as they are, without trailing spaces; blank lines as one.
   */
  static String normalise(String text) {
    String nfc = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    CodeFences fences = new CodeFences();
    for (String line : nfc.split("\n", -1)) {
      boolean code = fences.code(line);
      String l = line.stripTrailing();
      String words = l.strip();
      if (code || l.isEmpty() || paragraph.isEmpty() && indentation(l) >= 4) {
        endParagraph(out, paragraph);
        out.append(l).append('\n');
        continue;
      }
      if (BLOCK_START.matcher(words).lookingAt()) {
        endParagraph(out, paragraph);
        paragraph.append(l, 0, l.length() - l.stripLeading().length());
      } else if (!paragraph.isEmpty()
          && !(isChinese(paragraph.codePointBefore(paragraph.length()))
              && isChinese(words.codePointAt(0)))) {
        paragraph.append(' ');
      }
      paragraph.append(words);
    }
    endParagraph(out, paragraph);
    return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }

  /** A line that starts a block of its own: a list item, a heading, a quote, a table row. */
  private static final Pattern BLOCK_START = Pattern.compile("(?:[-*+]|[0-9]+[.)])[ \\t]|[#>|]");

  private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\x0B\\f]+");

  private static int indentation(String line) {
    int n = 0;
    for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
      n += line.charAt(i) == '\t' ? 4 - n % 4 : 1;
    }
    return n;
  }

  /** Han, or the punctuation and full-width forms that Chinese text uses. */
  private static boolean isChinese(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || c >= 0x3000 && c <= 0x303F
        || c >= 0xFF00 && c <= 0xFFEF;
  }

  /** Ends a block: its indentation kept, the rest of its white space one space. */
  private static void endParagraph(StringBuilder out, StringBuilder paragraph) {
    String p = paragraph.toString();
    paragraph.setLength(0);
    String indent = p.substring(0, p.length() - p.stripLeading().length());
    String rest = WHITE_SPACE.matcher(p.strip()).replaceAll(" ");
    if (!rest.isEmpty()) {
      out.append(indent).append(rest).append('\n');
    }
  }

  /** The normalisation of earlier marks: NFC, no trailing spaces, single blank lines. */
  static String normaliseLines(String text) {
    String nfc = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    boolean blank = false;
    for (String line : nfc.split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.isEmpty()) {
        blank = out.length() > 0;
        continue;
      }
      if (blank) {
        out.append('\n');
        blank = false;
      }
      out.append(l).append('\n');
    }
    return out.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
