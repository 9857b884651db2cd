package dev.kbgen.search;

import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Feeds terms that {@link Analysis} produced into a Lucene field as they are. */
final class TermsTokenStream extends TokenStream {
  private final List<String> terms;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private Iterator<String> it;

  TermsTokenStream(List<String> terms) {
    this.terms = terms;
  }

  @Override
  public void reset() {
    it = terms.iterator();
  }

  @Override
  public boolean incrementToken() {
    if (it == null || !it.hasNext()) {
      return false;
    }
    clearAttributes();
    term.setEmpty().append(it.next());
    return true;
  }
}
