package dev.kbgen.serve;

import dev.kbgen.build.BuildCache;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Severity;
import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The site as the preview server shows it: the last good build's files, and the problems of the
 * last build when it failed. Builds run in memory, one at a time, with a {@link BuildCache} shared
 * by all of them. Also remembers the bytes of every watched file, so that a save that changed
 * nothing does not rebuild.
 */
final class LiveSite {
  private final BuildOptions options;
  private final BuildCache cache = new BuildCache();
  private final MemoryPublisher publisher = new MemoryPublisher();
  private final List<Path> roots;
  private final Predicate<Path> ignored;

  /** Watched file to the hash of its bytes; used by the single build thread only. */
  private final Map<Path, String> hashes = new HashMap<>();

  /** The last build, when it succeeded: quick updates start from it. */
  private volatile Pipeline lastGood;

  private volatile State state =
      new State(0, Map.of(), List.of(), false, false, ""); // replaced by the first build

  /**
   * At most this many bytes of search files that later builds replaced are kept: a tab that a
   * rebuild did not reload still names the search files of its own build.
   */
  private static final long RETIRED_BYTES = 128L << 20;

  private static final Pattern HASHED_SEARCH_FILE = Pattern.compile("search/.*\\.[0-9a-f]{8}\\.js");

  /** What pages load beside their HTML: the theme's styles and scripts, images, fonts. */
  private static final Pattern ASSET =
      Pattern.compile(".*\\.(?:css|js|mjs|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|otf)");

  /** Search files that earlier builds served and later ones do not, oldest first. */
  private volatile Map<String, OutputFile> retired = Map.of();

  /**
   * What is served.
   *
   * @param build how many builds ran, failed ones included (pages carry it, to detect stale tabs)
   * @param files the last good build's files (empty when there was none)
   * @param problems the last build's problems
   * @param failed whether the last build failed
   * @param good whether any build succeeded
   * @param assets a hash of the files pages load beside their HTML (styles, scripts, images), for
   *     the pages' fingerprints: a page whose HTML stayed the same still reloads when one changed
   */
  record State(
      long build,
      Map<String, OutputFile> files,
      List<Problem> problems,
      boolean failed,
      boolean good,
      String assets) {}

  /**
   * What one build did.
   *
   * @param result the build's result (problems, counts)
   * @param millis how long it took
   * @param bug the exception when kbgen itself failed, or null
   */
  record Outcome(BuildResult result, long millis, RuntimeException bug) {}

  LiveSite(BuildOptions options, Predicate<Path> ignored) {
    this.options = options;
    this.ignored = ignored;
    this.roots =
        List.of(
            options.content().toAbsolutePath().normalize(),
            options.templates().toAbsolutePath().normalize());
  }

  State state() {
    return state;
  }

  /** Remembers the bytes of every file below the watched folders. */
  void snapshot() {
    for (Path root : roots) {
      for (Path file : files(root)) {
        hashes.put(file, hash(file));
      }
    }
  }

  /**
   * Which of the reported paths really changed: files whose bytes differ from the last time, files
   * that appeared or disappeared, and the files inside folders that did. Updates what is
   * remembered.
   *
   * @param again whether the paths changed while the last build ran: that build may have read other
   *     bytes than the ones remembered, so a reported file counts as changed even when its bytes
   *     are the same again (an editor that empties a file, then writes it)
   */
  List<Path> changed(Collection<Path> reported, boolean again) {
    Set<Path> changed = new TreeSet<>();
    for (Path p : reported) {
      Path path = p.toAbsolutePath().normalize();
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        Set<Path> now = new TreeSet<>(files(path));
        for (Path known : List.copyOf(hashes.keySet())) {
          if (known.startsWith(path) && !now.contains(known)) {
            hashes.remove(known);
            changed.add(known);
          }
        }
        for (Path f : now) {
          if (update(f)) {
            changed.add(f);
          }
        }
      } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        if (!ignored.test(path) && (update(path) || again)) {
          changed.add(path);
        }
      } else {
        for (Path known : List.copyOf(hashes.keySet())) {
          if (known.equals(path) || known.startsWith(path)) {
            hashes.remove(known);
            changed.add(known);
          }
        }
      }
    }
    return List.copyOf(changed);
  }

  /** Remembers a file's hash; whether it differs from before. */
  private boolean update(Path file) {
    String h = hash(file);
    return !h.equals(hashes.put(file, h));
  }

  /**
   * What a quick update did.
   *
   * @param path the page made again
   * @param problems the article's warnings and infos
   * @param millis how long it took
   */
  record Quick(String path, List<Problem> problems, long millis) {}

  /**
   * Right after a save of one article's body: serves that article's page made again from the last
   * good build (see {@link Pipeline#rebuildBody}), before the full build that follows. Empty when
   * the change needs the full build first.
   */
  Optional<Quick> quick(Path file) {
    Pipeline last = lastGood;
    State old = state;
    if (last == null || old.failed()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    Optional<Pipeline.QuickPage> page;
    try {
      page = last.rebuildBody(file);
    } catch (RuntimeException e) {
      return Optional.empty(); // the full build reports it
    }
    if (page.isEmpty()) {
      return Optional.empty();
    }
    OutputFile f = page.get().file();
    state =
        new State(
            old.build() + 1,
            ReplacedFiles.of(old.files(), f),
            old.problems(),
            false,
            true,
            old.assets());
    return Optional.of(
        new Quick(f.path(), page.get().problems(), (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * Makes the page of an unchanged article a few times and drops it, after the first build: the
   * code of a quick update then runs compiled at the first edit too (at 10,000 pairs the first edit
   * took about twice as long as the next ones). Serves nothing.
   */
  void warmUp() {
    Pipeline last = lastGood;
    if (last == null) {
      return;
    }
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      try {
        last.firstArticleFile().ifPresent(last::rebuildBody);
      } catch (RuntimeException e) {
        return; // an edit reports what goes wrong
      }
    }
  }

  private static final int WARM_UP_RUNS = 3;

  /** Builds the site and makes it what is served. */
  Outcome build() {
    long start = System.nanoTime();
    BuildResult result;
    RuntimeException bug = null;
    try {
      Pipeline pipeline = new Pipeline(options, cache);
      result = pipeline.run(publisher);
      lastGood = result.failed() ? null : pipeline;
    } catch (RuntimeException e) {
      lastGood = null;
      bug = e;
      // A kbgen bug: the server keeps running and shows it like a content problem.
      Problem problem =
          new Problem(
              Severity.ERROR,
              "kbgen",
              0,
              0,
              "internal error: " + e,
              "",
              "this is a bug in kbgen: please report it with the stack trace from the terminal",
              "");
      result = new BuildResult(List.of(problem), List.of(), Map.of(), 0, 0);
    }
    finish(result);
    return new Outcome(result, (System.nanoTime() - start) / 1_000_000, bug);
  }

  private void finish(BuildResult result) {
    State old = state;
    if (result.failed()) {
      state =
          new State(
              old.build() + 1, old.files(), result.problems(), true, old.good(), old.assets());
      return;
    }
    Map<String, OutputFile> files = publisher.files();
    retire(old.files(), files);
    state = new State(old.build() + 1, files, result.problems(), false, true, assets(files));
  }

  /**
   * A search file that the current build does not have, asked for by a page that an earlier build
   * made and a rebuild did not reload: for an earlier manifest, the current one of its language (so
   * that the page's search finds what was just written); for another search file, the earlier
   * build's, for a search that read its manifest before the rebuild (search files are named by
   * their content, so a name still means the same bytes).
   */
  Optional<OutputFile> stale(String path) {
    Map<String, OutputFile> files = state.files();
    int slash = path.lastIndexOf('/');
    if (isHashedSearchFile(path) && path.startsWith("manifest.", slash + 1)) {
      String current = path.substring(0, slash + 1) + "manifest.";
      Optional<OutputFile> manifest =
          files.entrySet().stream()
              .filter(e -> e.getKey().startsWith(current) && isHashedSearchFile(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst();
      if (manifest.isPresent()) {
        return manifest;
      }
    }
    return Optional.ofNullable(retired.get(path));
  }

  /** Keeps the search files of {@code before} that {@code after} no longer has. */
  private void retire(Map<String, OutputFile> before, Map<String, OutputFile> after) {
    LinkedHashMap<String, OutputFile> kept = new LinkedHashMap<>(retired);
    before.forEach(
        (path, file) -> {
          if (isHashedSearchFile(path) && !after.containsKey(path)) {
            kept.put(path, file);
          }
        });
    kept.keySet().removeIf(after::containsKey);
    long bytes = kept.values().stream().mapToLong(f -> f.bytes().length).sum();
    var oldest = kept.entrySet().iterator();
    while (bytes > RETIRED_BYTES && oldest.hasNext()) {
      bytes -= oldest.next().getValue().bytes().length;
      oldest.remove();
    }
    retired = Collections.unmodifiableMap(kept);
  }

  /**
   * Whether a site path is a search file named by its content ({@code search/en/t3.d6505c80.js}).
   */
  static boolean isHashedSearchFile(String path) {
    return HASHED_SEARCH_FILE.matcher(path).matches();
  }

  /**
   * A hash of the paths and bytes of a build's assets ({@link #ASSET}) other than the search files,
   * which pages name by their content already.
   */
  static String assets(Map<String, OutputFile> files) {
    MessageDigest sha = sha256();
    files.keySet().stream()
        .filter(path -> ASSET.matcher(path).matches() && !isHashedSearchFile(path))
        .sorted()
        .forEach(
            path -> {
              sha.update(path.getBytes(StandardCharsets.UTF_8));
              sha.update((byte) 0);
              sha.update(files.get(path).bytes());
              sha.update((byte) 0);
            });
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private List<Path> files(Path top) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try {
      Files.walkFileTree(
          top,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return ignored.test(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!ignored.test(file)) {
                out.add(file.toAbsolutePath().normalize());
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              out.add(file.toAbsolutePath().normalize());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A hash of a file's bytes; a unique value when it cannot be read (so it counts as changed). */
  private static String hash(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Files.isSymbolicLink(file) ? "link:" + Files.readSymbolicLink(file) : "other";
      }
      return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return "unreadable " + System.nanoTime();
    }
  }
}
