package dev.kbgen.content;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The only reader of the content tree: finds article files and assets below each language. */
public final class ContentLoader {
  /** Largest article accepted, in bytes. */
  public static final long MAX_ARTICLE_BYTES = 5L * 1024 * 1024;

  private final Path contentDir;
  private final Function<Path, String> display;

  /**
   * @param contentDir the content folder
   * @param display how a file is named in problems (e.g. relative to the working directory)
   */
  public ContentLoader(Path contentDir, Function<Path, String> display) {
    this.contentDir = contentDir;
    this.display = display;
  }

  /**
   * What was found: article texts and assets, each sorted by path.
   *
   * @param unreadable the files left out because this runtime cannot read their names (or those of
   *     their folders), by content path (as the name's bytes spell it in UTF-8 when they do), with
   *     the id each article among them declares ({@code ""} for other files): links to them, and to
   *     their ids, follow from that problem and are not reported on top of it
   */
  public record Loaded(
      List<TextFile> articles, List<Asset> assets, Map<String, String> unreadable) {
    public Loaded {
      articles = List.copyOf(articles);
      assets = List.copyOf(assets);
      unreadable = Collections.unmodifiableMap(new TreeMap<>(unreadable));
    }
  }

  /** Reads every language folder; unreadable or invalid files become problems. */
  public Loaded load(List<String> languages, Problems problems) {
    List<TextFile> articles = new ArrayList<>();
    List<Asset> assets = new ArrayList<>();
    try (var entries = Files.list(contentDir)) {
      for (Path p : entries.sorted().toList()) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            && !name.startsWith(".")
            && !languages.contains(name)) {
          problems.add(
              new Problem(
                  Severity.WARNING,
                  display.apply(p),
                  0,
                  0,
                  "folder '" + name + "' is not one of the site's languages; its files are ignored",
                  "",
                  "languages are " + String.join(", ", languages) + " (see site.yaml)",
                  ""));
        }
      }
    } catch (IOException e) {
      problems.add(fileProblem(contentDir, "cannot list the content folder: " + e.getMessage()));
      return new Loaded(List.of(), List.of(), Map.of());
    }
    List<Path> markdown = new ArrayList<>();
    Map<String, String> unreadable = new TreeMap<>();
    for (String lang : languages) {
      Path root = contentDir.resolve(lang);
      if (!Files.isDirectory(root)) {
        continue;
      }
      for (Path file : walk(root, problems, unreadable)) {
        if (file.getFileName().toString().endsWith(".md")) {
          markdown.add(file);
        } else {
          assets.add(new Asset(relative(file), file));
        }
      }
    }
    // Read and decoded on every core: one file after the other kept a single core busy for over a
    // second at 20,000 articles. Problems are sorted when shown, and the articles below.
    articles.addAll(
        markdown.parallelStream()
            .map(file -> read(file, relative(file), problems))
            .flatMap(Optional::stream)
            .toList());
    articles.sort(Comparator.comparing(TextFile::path));
    assets.sort(Comparator.comparing(Asset::path));
    return new Loaded(articles, assets, unreadable);
  }

  /**
   * The files below {@code root} to load, sorted. A file or folder whose name cannot be read is
   * reported once and left out; the files it holds go into {@code unreadable}.
   */
  private List<Path> walk(Path root, Problems problems, Map<String, String> unreadable) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            /** The folder being walked whose name cannot be read, if any: reported already. */
            private Path unreadableDir;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName().toString();
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              if (ContentPaths.ignored(name)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (unreadableDir == null && FileNames.unreadable(name)) {
                problems.add(unreadableName(dir));
                unreadableDir = dir;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              if (dir.equals(unreadableDir)) {
                unreadableDir = null;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              if (ContentPaths.ignored(name)) {
                return FileVisitResult.CONTINUE;
              }
              if (unreadableDir != null || FileNames.unreadable(name)) {
                if (unreadableDir == null) {
                  problems.add(unreadableName(file));
                }
                if (attrs.isRegularFile()) {
                  unreadable.put(asWritten(file), declaredId(file));
                }
              } else if (attrs.isSymbolicLink()) {
                problems.add(
                    new Problem(
                        Severity.WARNING,
                        display.apply(file),
                        0,
                        0,
                        "symbolic link not followed",
                        "",
                        "copy the file into the content folder instead of linking to it",
                        ""));
              } else if (attrs.isRegularFile()) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(fileProblem(file, "cannot read: " + e.getMessage()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(fileProblem(root, "cannot read folder: " + e.getMessage()));
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }

  private String relative(Path file) {
    return contentDir.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The content path of a file whose name this runtime cannot read, as the name's bytes spell it in
   * UTF-8 ({@link FileNames#asUtf8}); as the runtime reads it when they do not.
   */
  private String asWritten(Path file) {
    Optional<String> dir = FileNames.asUtf8(contentDir);
    Optional<String> path = FileNames.asUtf8(file);
    if (dir.isPresent() && path.isPresent() && path.get().startsWith(dir.get() + "/")) {
      return path.get().substring(dir.get().length() + 1);
    }
    return relative(file);
  }

  /** The id an article file with an unreadable name seems to declare; empty for other files. */
  private static String declaredId(Path file) {
    if (!file.getFileName().toString().endsWith(".md")) {
      return "";
    }
    try {
      if (Files.size(file) > MAX_ARTICLE_BYTES) {
        return "";
      }
      String text = normalise(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      return ArticleParser.declaredId(text).orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private Optional<TextFile> read(Path file, String rel, Problems problems) {
    String shown = display.apply(file);
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_ARTICLE_BYTES) {
        problems.add(
            new Problem(
                Severity.ERROR,
                shown,
                0,
                0,
                "article is larger than " + MAX_ARTICLE_BYTES / (1024 * 1024) + " MB",
                "",
                "split it into several articles, or move large data into a downloadable file",
                ""));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(fileProblem(file, "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    for (byte b : bytes) {
      if (b == 0) {
        problems.add(
            new Problem(
                Severity.ERROR,
                shown,
                0,
                0,
                "not a text file (it contains NUL bytes)",
                "",
                "articles are UTF-8 Markdown; rename or remove this file",
                ""));
        return Optional.empty();
      }
    }
    Optional<String> text = decode(bytes, shown, problems);
    return text.map(t -> new TextFile(rel, shown, normalise(t)));
  }

  /**
   * Reads a single text file (such as {@code site.yaml}) strictly as UTF-8, with the BOM removed
   * and line ends normalised; problems when it cannot be read or decoded.
   */
  public static Optional<String> readText(Path file, String shown, Problems problems) {
    try {
      return decode(Files.readAllBytes(file), shown, problems).map(ContentLoader::normalise);
    } catch (IOException e) {
      problems.add(
          new Problem(
              Severity.ERROR,
              shown,
              0,
              0,
              "cannot read: " + e.getMessage(),
              "",
              "check that the file exists and is readable",
              ""));
      return Optional.empty();
    }
  }

  /** Strict UTF-8: the first invalid byte is reported with its offset. */
  public static Optional<String> decode(byte[] bytes, String shown, Problems problems) {
    // The runtime's own decoding replaces each invalid sequence with U+FFFD and is several times
    // faster: without U+FFFD in its result, the bytes were valid and strict decoding gives the
    // same. Only a file with U+FFFD, invalid or written so, is decoded again strictly.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return Optional.of(lenient);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int lineStart = offset;
      while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
        lineStart--;
      }
      int lineEnd = offset;
      while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
        lineEnd++;
      }
      String start = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
      String excerpt = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
      problems.add(
          new Problem(
              Severity.ERROR,
              shown,
              line,
              start.codePointCount(0, start.length()) + 1,
              "invalid UTF-8 at byte offset " + offset,
              "",
              isChineseWindowsEncoding(bytes)
                  ? "the file looks like GBK (GB18030), the encoding of Chinese Windows: save it as"
                      + " UTF-8 (most editors: 'Save with encoding', then UTF-8)"
                  : "save the file as UTF-8 (most editors: 'Save with encoding')",
              excerpt.stripTrailing()));
      return Optional.empty();
    }
    decoder.flush(out);
    out.flip();
    return Optional.of(out.toString());
  }

  /** Whether the bytes are valid GB18030 (GBK's successor) with Chinese characters in them. */
  private static boolean isChineseWindowsEncoding(byte[] bytes) {
    try {
      String text =
          Charset.forName("GB18030")
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      // Two at least: other bytes that are not UTF-8 (Latin-1, say) can make one by chance.
      return text.codePoints()
              .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
              .limit(2)
              .count()
          == 2;
    } catch (CharacterCodingException | UnsupportedCharsetException e) {
      return false;
    }
  }

  /** Removes a byte-order mark and turns CRLF and CR line ends into LF. */
  public static String normalise(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (t.indexOf('\r') >= 0) {
      t = t.replace("\r\n", "\n").replace('\r', '\n');
    }
    return t;
  }

  /**
   * A file or folder whose name the locale's character set could not read: it is left out. It is
   * named as its bytes spell it in UTF-8 when they do, so that the writer can tell which it is.
   */
  private Problem unreadableName(Path file) {
    FileNames names = FileNames.current();
    String shown = display.apply(file);
    String read = relative(file);
    String written = asWritten(file);
    if (shown.endsWith(read) && !written.equals(read)) {
      shown = shown.substring(0, shown.length() - read.length()) + written;
    }
    return new Problem(Severity.ERROR, shown, 0, 0, names.problem(), "", names.hint(), "");
  }

  private Problem fileProblem(Path file, String title) {
    return new Problem(
        Severity.ERROR,
        display.apply(file),
        0,
        0,
        title,
        "",
        "check that the file exists and is readable",
        "");
  }
}
