package dev.kbgen.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.problem.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ContentLoader#decode} is strict UTF-8, as the JDK's reporting decoder is. */
class DecodeTest {
  @Property(tries = 2000)
  void decodesAsAStrictDecoderDoes(@ForAll("bytes") byte[] bytes) {
    Problems problems = new Problems();
    Optional<String> decoded = ContentLoader.decode(bytes, "a.md", problems);
    Optional<String> strict = strict(bytes);
    assertThat(decoded).isEqualTo(strict);
    assertThat(problems.sorted()).hasSize(strict.isPresent() ? 0 : 1);
  }

  @Example
  void aReplacementCharacterWrittenAsSuchIsKeptAndAnInvalidByteIsReported() {
    Problems problems = new Problems();
    assertThat(ContentLoader.decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8), "a.md", problems))
        .contains("a\uFFFDb");
    assertThat(ContentLoader.decode(new byte[] {'a', '\n', (byte) 0xC3, 'b'}, "b.md", problems))
        .isEmpty();
    assertThat(problems.sorted())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("b.md");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.title()).isEqualTo("invalid UTF-8 at byte offset 2");
              assertThat(p.column()).isEqualTo(1);
              assertThat(p.hint()).doesNotContain("GBK");
            });
  }

  @Example
  void aChineseFileSavedAsGbkIsToldSo() {
    Problems problems = new Problems();
    byte[] gbk = "---\ntitle: 同步暂停\n---\n".getBytes(Charset.forName("GB18030"));
    assertThat(ContentLoader.decode(gbk, "zh.md", problems)).isEmpty();
    assertThat(problems.sorted())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isGreaterThanOrEqualTo(8); // GBK bytes may start as UTF-8
              assertThat(p.hint()).startsWith("the file looks like GBK (GB18030)");
              assertThat(p.excerpt()).startsWith("title: ");
            });
  }

  /**
   * Text of every kind as valid UTF-8, the same with a byte put in anywhere, and random bytes (most
   * of the last two are invalid: truncated sequences, stray continuation bytes, encoded surrogates,
   * overlong forms).
   */
  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> valid =
        Arbitraries.strings()
            .ofMaxLength(40)
            .map(s -> s.replace('\uFFFD', 'x').getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> damaged =
        Arbitraries.lazy(() -> valid)
            .flatMap(
                b ->
                    Arbitraries.integers()
                        .between(0, b.length)
                        .flatMap(
                            at ->
                                Arbitraries.bytes()
                                    .map(
                                        x -> {
                                          byte[] out = new byte[b.length + 1];
                                          System.arraycopy(b, 0, out, 0, at);
                                          out[at] = x;
                                          System.arraycopy(b, at, out, at + 1, b.length - at);
                                          return out;
                                        })));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    return Arbitraries.oneOf(valid, damaged, random);
  }

  private static Optional<String> strict(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
