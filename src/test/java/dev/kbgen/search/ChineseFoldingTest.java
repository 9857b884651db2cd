package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.Base64;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ChineseFoldingTest {
  /**
   * The pairs are ICU's Traditional-Simplified transliteration of each character of the range that
   * it turns into another one of the range. (To make them again after an ICU upgrade: write the
   * expected string below to {@code
   * src/main/resources/dev/kbgen/search/traditional-simplified.txt}, with a final newline.)
   */
  @Test
  void thePairsAreIcusTraditionalToSimplified() {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    StringBuilder expected = new StringBuilder();
    for (int cp = ChineseFolding.FIRST; cp <= ChineseFolding.LAST; cp++) {
      String c = String.valueOf((char) cp);
      String s = icu.transliterate(c);
      if (!s.equals(c)
          && s.length() == 1
          && s.charAt(0) >= ChineseFolding.FIRST
          && s.charAt(0) <= ChineseFolding.LAST) {
        expected.append(c).append(s);
      }
    }
    assertThat(ChineseFolding.pairs()).isEqualTo(expected.toString()).hasSizeGreaterThan(5000);
  }

  @Test
  void traditionalCharactersAreReadAsSimplifiedOnes() {
    assertThat(ChineseFolding.fold("同步暫停，拒絕存取")).isEqualTo("同步暂停，拒绝存取");
    String simplified = "同步暂停";
    assertThat(ChineseFolding.fold(simplified)).isSameAs(simplified);
    // the browser's bits mark exactly the folded characters
    BitSet bits = BitSet.valueOf(Base64.getDecoder().decode(ChineseFolding.bits()));
    assertThat(bits.cardinality()).isEqualTo(ChineseFolding.pairs().length() / 2);
    assertThat(bits.get('暫' - ChineseFolding.FIRST)).isTrue();
    assertThat(bits.get('暂' - ChineseFolding.FIRST)).isFalse();
  }

  /** A customer who types traditional characters finds the simplified article, and back. */
  @Test
  void aTraditionalQueryFindsTheSimplifiedArticle() {
    try (SearchEngine engine =
        SearchEngine.build(
            java.util.List.of(
                CoverageRankingTest.doc("zh/sync", "zh", "同步暂停", "Windows 上同步暂停，提示拒绝访问。"),
                CoverageRankingTest.doc("zh/bill", "zh", "發票與退款", "如何申請發票。"),
                CoverageRankingTest.doc("zh/other", "zh", "安装客户端", "下载客户端并运行安装程序。")))) {
      assertThat(engine.search("同步暫停", "zh", 10, SearchEngine.Filters.NONE, true).hits())
          .extracting(h -> h.document().key())
          .containsExactly("zh/sync");
      assertThat(engine.search("发票", "zh", 10, SearchEngine.Filters.NONE, true).hits())
          .extracting(h -> h.document().key())
          .containsExactly("zh/bill");
    }
  }
}
