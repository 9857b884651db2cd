package dev.kbgen.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.Asset;
import dev.kbgen.content.TextFile;
import dev.kbgen.i18n.Translations;
import dev.kbgen.markdown.LinkRequest;
import dev.kbgen.markdown.LinkRequest.Kind;
import dev.kbgen.markdown.LinkResolution;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkIndexTest {
  private static final Map<String, String> ARTICLES =
      Map.of(
          "en/sync/files-stuck.md", "id: KB-1\ntitle: Files stuck",
          "zh/sync/files-stuck.md", "id: KB-1\ntitle: 文件卡住",
          "en/sync/selective-sync.md", "id: KB-2\ntitle: Selective sync",
          "zh/sync/selective-sync.md", "id: KB-2\ntitle: 选择性同步",
          "zh/account/only-chinese.md", "id: KB-3\ntitle: 仅中文",
          "en/account/Reset Password.md", "id: KB-4\ntitle: Reset your password");

  private static LinkIndex index;
  private static SiteConfig config;
  private static Article en;
  private static Article zh;

  @BeforeAll
  static void setUp() {
    Problems problems = new Problems();
    String yaml = SiteFixture.SITE_YAML;
    config = SiteConfigLoader.parse(Source.of("site.yaml", yaml), yaml, problems).orElseThrow();
    List<Article> articles = new ArrayList<>();
    ARTICLES.forEach(
        (path, meta) -> {
          String text = "---\n" + meta + "\ntype: reference\nupdated: 2026-01-01\n---\nBody.\n";
          articles.add(
              ArticleParser.parse(new TextFile(path, path, text), config, problems)
                  .orElseThrow(
                      () -> new AssertionError(ProblemFormatter.formatAll(problems.sorted()))));
        });
    List<Asset> assets =
        List.of(
            new Asset("en/sync/images/tray icon.png", Path.of("x")),
            new Asset("en/sync/downloads/logs.zip", Path.of("x")),
            new Asset("zh/sync/images/tray.png", Path.of("x")));
    index = new LinkIndex(articles, assets, Translations.pair(articles), config.languageCodes());
    en = find(articles, "en/sync/files-stuck.md");
    zh = find(articles, "zh/sync/files-stuck.md");
  }

  private static Article find(List<Article> articles, String path) {
    return articles.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
  }

  private static LinkResolution link(Article from, String url) {
    return index.forArticle(from).resolve(new LinkRequest(Kind.LINK, url));
  }

  private static LinkResolution image(Article from, String url) {
    return index.forArticle(from).resolve(new LinkRequest(Kind.IMAGE, url));
  }

  private static LinkResolution ref(Article from, String id) {
    return index.forArticle(from).resolve(new LinkRequest(Kind.REFERENCE, id));
  }

  private static void assertBroken(LinkResolution r, String problem) {
    assertThat(r.isBroken()).as("broken: " + r).isTrue();
    assertThat(r.url()).isNull();
    assertThat(r.problem()).contains(problem);
    assertThat(r.hint()).isNotBlank();
  }

  @Test
  void relativeMdLinkInTheSameLanguage() {
    LinkResolution r = link(en, "selective-sync.md");
    assertThat(r.isBroken()).isFalse();
    assertThat(r.url()).isEqualTo("../../../en/sync/selective-sync/index.html");
    assertThat(r.title()).isEqualTo("Selective sync");
    assertThat(r.fallbackLang()).isNull();
    assertThat(r.targetId()).isEqualTo("KB-2");
    assertThat(link(en, "../sync/./selective-sync.md").url()).isEqualTo(r.url());
  }

  @Test
  void referenceInTheSameLanguage() {
    LinkResolution r = ref(zh, "KB-2");
    assertThat(r.url()).isEqualTo("../../../zh/sync/selective-sync/index.html");
    assertThat(r.title()).isEqualTo("选择性同步");
    assertThat(r.fallbackLang()).isNull();
    assertThat(r.targetId()).isEqualTo("KB-2");
  }

  @Test
  void linkToAnotherLanguagesFileUsesTheTranslationWhenThereIsOne() {
    // zh/account/only-chinese.md has no English version; the link falls back to Chinese.
    LinkResolution fallback = link(en, "../account/only-chinese.md");
    assertThat(fallback.url()).isEqualTo("../../../zh/account/only-chinese/index.html");
    assertThat(fallback.fallbackLang()).isEqualTo("zh");
    assertThat(fallback.title()).isEqualTo("仅中文");
    assertThat(fallback.targetId()).isEqualTo("KB-3");
  }

  @Test
  void referenceFallsBackToTheOtherLanguage() {
    LinkResolution r = ref(en, "KB-3");
    assertThat(r.url()).isEqualTo("../../../zh/account/only-chinese/index.html");
    assertThat(r.fallbackLang()).isEqualTo("zh");
    assertThat(r.title()).isEqualTo("仅中文");

    LinkResolution back = ref(zh, "KB-4");
    assertThat(back.url()).isEqualTo("../../../en/account/reset-password/index.html");
    assertThat(back.fallbackLang()).isEqualTo("en");
  }

  @Test
  void anchorsAreKept() {
    assertThat(link(en, "selective-sync.md#cause").url())
        .isEqualTo("../../../en/sync/selective-sync/index.html#cause");
    assertThat(ref(en, "KB-2#cause").url())
        .isEqualTo("../../../en/sync/selective-sync/index.html#cause");
    assertThat(ref(en, "KB-3#原因").url())
        .isEqualTo("../../../zh/account/only-chinese/index.html#原因");
    LinkResolution inPage = link(en, "#resolution");
    assertThat(inPage.url()).isEqualTo("#resolution");
    assertThat(inPage.targetPath()).isEqualTo(en.path());
    assertThat(inPage.anchor()).isEqualTo("resolution");
    assertThat(ref(en, "KB-2#cause").targetPath()).isEqualTo("en/sync/selective-sync.md");
    assertThat(ref(en, "KB-2#cause").anchor()).isEqualTo("cause");
    assertThat(ref(en, "KB-2").anchor()).isNull();
    assertThat(link(en, "downloads/logs.zip#part").url())
        .isEqualTo("../../../en/sync/downloads/logs.zip#part");
  }

  @Test
  void percentEncodedAndUnsafeFileNames() {
    LinkResolution r = link(en, "../account/Reset%20Password.md");
    assertThat(r.url()).isEqualTo("../../../en/account/reset-password/index.html");
    assertThat(r.fallbackLang()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../../etc/passwd",
        "../../../../secret.md",
        "../../../content/site.yaml",
        "images/../../../../x.png"
      })
  void linksOutsideTheContentFolderAreRefused(String url) {
    assertBroken(link(en, url), "outside the content folder");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd"
      })
  void unsafeSchemesAreRefused(String url) {
    LinkResolution r = link(en, url);
    assertBroken(r, "is not allowed");
    assertThat(image(en, url).isBroken()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/a?b=c#d",
        "http://example.com",
        "mailto:help@example.com",
        "tel:+4912345",
        "HTTPS://EXAMPLE.COM"
      })
  void safeSchemesAreLeftAlone(String url) {
    assertThat(link(en, url)).isEqualTo(LinkResolution.unchanged(url));
  }

  @Test
  void protocolRelativeLinksBecomeHttps() {
    assertThat(link(en, "//cdn.example.com/x.png").url())
        .isEqualTo("https://cdn.example.com/x.png");
  }

  @Test
  void serverRootLinksAreRefused() {
    assertBroken(link(en, "/en/sync/selective-sync/"), "starts at the server root");
  }

  @Test
  void emptyLinkIsRefused() {
    assertBroken(link(en, "  "), "empty link");
  }

  @Test
  void imageAssetIsLinkedRelativeToThePage() {
    LinkResolution r = image(en, "images/tray%20icon.png");
    assertThat(r.isBroken()).isFalse();
    assertThat(r.url()).isEqualTo("../../../en/sync/images/tray icon.png");
    assertThat(r.targetId()).isNull();
    assertThat(r.fallbackLang()).isNull();
  }

  @Test
  void aMissingImageIsToBePutInTheContentFolderTheWriterNamed() {
    String path = "en/sync/files-stuck.md";
    String text = "---\nid: KB-9\ntitle: T\ntype: reference\nupdated: 2026-01-01\n---\nBody.\n";
    Article elsewhere =
        ArticleParser.parse(new TextFile(path, "kb/" + path, text), config, new Problems())
            .orElseThrow();
    assertThat(image(elsewhere, "images/missing.png").hint())
        .isEqualTo("put the file at kb/en/sync/images/missing.png or fix the path");
  }

  @Test
  void missingImageAndFileAreReported() {
    LinkResolution img = image(en, "images/missing.png");
    assertBroken(img, "image 'images/missing.png' does not exist");
    assertThat(img.hint()).contains("content/en/sync/images/missing.png");
    assertBroken(link(en, "downloads/missing.zip"), "file 'downloads/missing.zip' does not exist");
  }

  @Test
  void missingArticleAndFolderLinksAreReported() {
    assertBroken(link(en, "no-such-article.md"), "no such article");
    assertBroken(link(en, "../sync/"), "is not an article or a file");
    assertBroken(link(en, "selective-sync"), "is not an article or a file");
  }

  @Test
  void aBrokenLinkNamesTheFileItProbablyMeant() {
    assertThat(image(en, "images/Tray Icon.png").hint())
        .startsWith("write 'images/tray icon.png': only the letter case differs");
    assertThat(link(en, "../sync/files-stuk.md").hint())
        .isEqualTo("did you mean '../sync/files-stuck.md'?");
    assertThat(link(en, "downloads/log.zip").hint())
        .isEqualTo("did you mean 'downloads/logs.zip'?");
    // nothing close: where the file would have to be
    assertThat(link(en, "no-such-article.md").hint()).startsWith("check the path");
    assertThat(ref(en, "KB-22").hint()).isEqualTo("did you mean 'KB-2'?");
  }

  @Test
  void unknownReferenceIsReported() {
    LinkResolution r = ref(en, "KB-404");
    assertBroken(r, "no article has id 'KB-404'");
  }
}
