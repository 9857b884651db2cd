package dev.kbgen.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Negative contractions as customers type them, without the apostrophe: "wont" is read as "won't",
 * "cant" as "can't", so a query finds the articles that spell them properly and typo correction
 * never turns them into other words ("went", "can"). A right single quotation mark inside a word is
 * read as an apostrophe, so "won’t" and "won't" are one term. The browser runtime has the same
 * table (search-format §1, step 3a).
 */
final class Contractions {
  /** The negative contractions, each with its apostrophe: the word without it reads as this. */
  static final List<String> WORDS =
      List.of(
          "aren't",
          "can't",
          "couldn't",
          "didn't",
          "doesn't",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mustn't",
          "needn't",
          "shouldn't",
          "wasn't",
          "weren't",
          "won't",
          "wouldn't");

  /** Each contraction by its spelling without the apostrophe; read only. */
  private static final CharArrayMap<String> BARE = bare();

  private static CharArrayMap<String> bare() {
    CharArrayMap<String> map = new CharArrayMap<>(WORDS.size(), false);
    for (String w : WORDS) {
      map.put(w.replace("'", ""), w);
    }
    return CharArrayMap.unmodifiableMap(map);
  }

  private Contractions() {}

  /** Reads words so, as a token filter after the lower-case filter. */
  static final class Filter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    Filter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] b = term.buffer();
      int n = term.length();
      for (int i = 0; i < n; i++) {
        if (b[i] == '\u2019') {
          b[i] = '\'';
        }
      }
      // Every bare contraction ends in "nt": most words are ruled out without a lookup.
      if (n >= 4 && b[n - 1] == 't' && b[n - 2] == 'n') {
        String contraction = BARE.get(b, 0, n);
        if (contraction != null) {
          term.setEmpty().append(contraction);
        }
      }
      return true;
    }
  }
}
