package dev.kbgen.authoring;

import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleMeta;
import dev.kbgen.content.ArticleType;
import dev.kbgen.content.CodeFences;
import dev.kbgen.i18n.SourceFingerprint;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a new article: front matter and the headings of its type in its language, with {@code
 * TODO:} placeholders (which {@code check} reports until they are replaced).
 */
public final class Scaffold {
  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
  private static final Pattern H2 = Pattern.compile("^( {0,3}##[ \\t]+)(.*?)([ \\t]+#+)?[ \\t]*$");

  /** Placeholders per language; other languages get the English ones. */
  private static final Map<String, Map<String, String>> TEXT =
      Map.of(
          "en",
          Map.ofEntries(
              Map.entry("summary", "TODO: one sentence that says what goes wrong and for whom"),
              Map.entry(
                  "symptom", "TODO: what the customer sees. Quote the error message exactly."),
              Map.entry("cause", "TODO: why it happens."),
              Map.entry("resolution", "1. TODO: the first step that fixes it."),
              Map.entry("prevention", "TODO: how to keep it from happening again."),
              Map.entry("how-to.1", "Before you begin"),
              Map.entry("how-to.1.text", "TODO: what the reader needs first."),
              Map.entry("how-to.2", "Steps"),
              Map.entry("how-to.2.text", "1. TODO: the first step."),
              Map.entry("faq.1", "Question"),
              Map.entry("faq.1.text", "TODO: the question as customers ask it, then the answer."),
              Map.entry("reference.1", "Overview"),
              Map.entry("reference.1.text", "TODO: what this reference covers."),
              Map.entry(
                  "translate", "TODO: translate this article from %s, then delete this line.")),
          "zh",
          Map.ofEntries(
              Map.entry("summary", "TODO: 用一句话说明出了什么问题、影响哪些用户"),
              Map.entry("symptom", "TODO: 描述客户看到的现象，原样引用错误信息。"),
              Map.entry("cause", "TODO: 说明问题的原因。"),
              Map.entry("resolution", "1. TODO: 解决问题的第一步。"),
              Map.entry("prevention", "TODO: 如何避免问题再次发生。"),
              Map.entry("how-to.1", "准备工作"),
              Map.entry("how-to.1.text", "TODO: 开始之前需要准备什么。"),
              Map.entry("how-to.2", "操作步骤"),
              Map.entry("how-to.2.text", "1. TODO: 第一步。"),
              Map.entry("faq.1", "问题"),
              Map.entry("faq.1.text", "TODO: 按客户的说法写出问题，再给出答案。"),
              Map.entry("reference.1", "概述"),
              Map.entry("reference.1.text", "TODO: 本参考涵盖的内容。"),
              Map.entry("translate", "TODO: 将本文从 %s 原文译出，然后删除这一行。")));

  private static final List<SectionKind> TROUBLESHOOTING =
      List.of(
          SectionKind.SYMPTOM, SectionKind.CAUSE, SectionKind.RESOLUTION, SectionKind.PREVENTION);

  private Scaffold() {}

  /**
   * What a new article needs.
   *
   * @param id the id
   * @param title the title
   * @param lang the language
   * @param type the type
   * @param product the product key
   * @param tags tag keys
   * @param date the {@code updated} date
   */
  public record NewArticle(
      String id,
      String title,
      String lang,
      ArticleType type,
      String product,
      List<String> tags,
      LocalDate date) {
    public NewArticle {
      tags = List.copyOf(tags);
    }
  }

  /** The text of a new article. */
  public static String article(NewArticle a, SectionNames names) {
    Map<String, String> t = TEXT.getOrDefault(a.lang(), TEXT.get("en"));
    StringBuilder out = new StringBuilder("---\n");
    out.append("id: ").append(Yaml.scalar(a.id())).append('\n');
    out.append("title: ").append(Yaml.quoted(a.title())).append('\n');
    out.append("summary: ").append(Yaml.quoted(t.get("summary"))).append('\n');
    out.append("type: ").append(a.type().key()).append('\n');
    out.append("product: ").append(Yaml.scalar(a.product())).append('\n');
    if (!a.tags().isEmpty()) {
      out.append("tags: ").append(Yaml.list(a.tags())).append('\n');
    }
    out.append("updated: ").append(a.date()).append('\n');
    out.append("---\n");
    if (a.type() == ArticleType.TROUBLESHOOTING) {
      for (SectionKind kind : TROUBLESHOOTING) {
        section(out, names.preferred(kind, a.lang()), t.get(kind.key()));
      }
    } else {
      String type = a.type().key();
      for (int i = 1; t.containsKey(type + "." + i); i++) {
        section(out, t.get(type + "." + i), t.get(type + "." + i + ".text"));
      }
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String heading, String text) {
    out.append("\n## ").append(heading).append("\n\n").append(text).append('\n');
  }

  /**
   * The text of a translation started from {@code source}: the same front matter (title and texts
   * still in the source language), {@code updated} set to {@code date}, a {@code translated_from}
   * for the source as it is now, and the source's body with its troubleshooting headings in the
   * target language and a {@code TODO:} line on top.
   */
  public static String translation(
      Article source, String lang, LocalDate date, SectionNames names) {
    ArticleMeta m = source.meta();
    Map<String, String> t = TEXT.getOrDefault(lang, TEXT.get("en"));
    StringBuilder out = new StringBuilder("---\n");
    out.append("id: ").append(Yaml.scalar(m.id())).append('\n');
    out.append("title: ").append(Yaml.quoted(m.title())).append('\n');
    text(out, "summary", m.summary());
    out.append("type: ").append(m.type().key()).append('\n');
    if (m.product() != null) {
      out.append("product: ").append(Yaml.scalar(m.product())).append('\n');
    }
    list(out, "tags", m.tags());
    list(out, "error_codes", m.errorCodes());
    list(out, "aliases", m.aliases());
    if (m.severity() != null) {
      out.append("severity: ").append(m.severity()).append('\n');
    }
    if (!m.status().equals("published")) {
      out.append("status: ").append(m.status()).append('\n');
    }
    text(out, "workaround", m.workaround());
    text(out, "fix_eta", m.fixEta());
    text(out, "fixed_in", m.fixedIn());
    list(out, "applies_to", m.appliesTo());
    out.append("updated: ").append(date).append('\n');
    if (m.reviewBy() != null) {
      out.append("review_by: ").append(m.reviewBy()).append('\n');
    }
    list(out, "related", m.related());
    list(out, "api_docs", m.apiDocs());
    for (String line :
        FrontMatterEditor.translatedFrom(source.lang(), SourceFingerprint.of(source, names))) {
      out.append(line).append('\n');
    }
    out.append("---\n\n");
    out.append(String.format(Locale.ROOT, t.get("translate"), source.lang())).append('\n');
    out.append(headingsIn(source, lang, names));
    return out.toString();
  }

  /** The source's body with each troubleshooting heading in the target language. */
  private static String headingsIn(Article source, String lang, SectionNames names) {
    StringBuilder out = new StringBuilder();
    CodeFences fences = new CodeFences();
    String[] lines = source.body().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher h = fences.code(line) ? null : H2.matcher(line);
      if (h != null && h.matches()) {
        SectionKind kind = names.classify(source.lang(), h.group(2));
        if (kind != SectionKind.OTHER) {
          line = h.group(1) + names.preferred(kind, lang);
        }
      }
      out.append(line);
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    String body = out.toString();
    return body.endsWith("\n") || body.isEmpty() ? body : body + "\n";
  }

  private static void text(StringBuilder out, String key, String value) {
    if (value != null) {
      out.append(key).append(": ").append(Yaml.quoted(value)).append('\n');
    }
  }

  private static void list(StringBuilder out, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.append(key).append(": ").append(Yaml.list(values)).append('\n');
    }
  }

  /**
   * The next free id: the most used prefix (e.g. {@code KB-}) with one more than its highest
   * number, keeping the number's width; {@code KB-1001} for an empty knowledge base.
   */
  public static String nextId(Collection<String> ids) {
    Map<String, Long> highest = new TreeMap<>();
    Map<String, Integer> count = new TreeMap<>();
    Map<String, Integer> width = new TreeMap<>();
    for (String id : ids) {
      Matcher m = NUMBERED.matcher(id);
      if (!m.matches() || m.group(2).length() > 18) {
        continue;
      }
      String prefix = m.group(1);
      long n = Long.parseLong(m.group(2));
      highest.merge(prefix, n, Math::max);
      count.merge(prefix, 1, Integer::sum);
      width.merge(prefix, m.group(2).length(), Math::max);
    }
    if (count.isEmpty()) {
      return "KB-1001";
    }
    // The most used prefix; among equals, the first in sort order.
    String prefix = null;
    for (var e : count.entrySet()) {
      if (prefix == null || e.getValue() > count.get(prefix)) {
        prefix = e.getKey();
      }
    }
    String number = Long.toString(highest.get(prefix) + 1);
    int w = width.get(prefix);
    return prefix + "0".repeat(Math.max(0, w - number.length())) + number;
  }

  /**
   * A file name for a title: lower-case ASCII words joined by {@code -} (at most about 60
   * characters); the id in lower case when the title has no such words (e.g. a Chinese title).
   */
  public static String slug(String title, String id) {
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int length = 0;
    for (String w : ascii.split("[^a-z0-9]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (length + w.length() > 60 && !words.isEmpty()) {
        break;
      }
      words.add(w);
      length += w.length() + 1;
    }
    return words.isEmpty() ? id.toLowerCase(Locale.ROOT) : String.join("-", words);
  }
}
