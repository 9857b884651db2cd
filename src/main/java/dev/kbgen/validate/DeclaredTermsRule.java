package dev.kbgen.validate;

import dev.kbgen.config.Term;
import dev.kbgen.config.UndeclaredTerm;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;
import java.util.List;
import java.util.Set;

/** Products and tags should be declared in site.yaml, so that they have names in every language. */
final class DeclaredTermsRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    List<String> products = input.config().products().stream().map(Term::key).toList();
    List<String> tags = input.config().tags().stream().map(Term::key).toList();
    for (Article a : input.articles()) {
      check(a, Set.of(), products, tags, input, problems);
    }
    // A file not built for an error in its front matter: the values that were read.
    for (ArticleParser.Parsed p : input.faulty()) {
      check(p.article(), p.failed(), products, tags, input, problems);
    }
  }

  /**
   * The product and tags of one article, but those of {@code failed}: their errors are reported (a
   * product that is no text, a misspelt {@code prodcut:}) and what was made of them is a default.
   */
  private static void check(
      Article a,
      Set<String> failed,
      List<String> products,
      List<String> tags,
      ValidationInput input,
      Problems problems) {
    String product = a.meta().product();
    if (product == null && !failed.contains("product")) {
      problems.add(
          a.source()
              .warning(
                  1,
                  1,
                  "no product: folder '" + a.area() + "' is not a product in site.yaml",
                  "add 'product: <key>' or declare '"
                      + a.area()
                      + "' under 'products' in site.yaml"));
    } else if (product != null && !failed.contains("product") && !products.contains(product)) {
      Mark m = a.meta().mark("product");
      problems.add(
          a.source()
              .warning(
                  m.line(),
                  m.column(),
                  "product '" + product + "' is not declared in site.yaml",
                  UndeclaredTerm.hint(
                      product,
                      input.config().products(),
                      "product",
                      "declare it under 'products'")));
    }
    for (int i = 0; !failed.contains("tags") && i < a.meta().tags().size(); i++) {
      String tag = a.meta().tags().get(i);
      if (!tags.contains(tag)) {
        Mark m = a.meta().marks().getOrDefault("tags#" + i, a.meta().mark("tags"));
        problems.add(
            a.source()
                .warning(
                    m.line(),
                    m.column(),
                    "tag '" + tag + "' is not declared in site.yaml",
                    UndeclaredTerm.hint(
                        tag,
                        input.config().tags(),
                        "tag",
                        "declare it under 'tags' with a name per language")));
      }
    }
  }
}
