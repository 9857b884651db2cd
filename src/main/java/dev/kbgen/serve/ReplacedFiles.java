package dev.kbgen.serve;

import dev.kbgen.publish.OutputFile;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A build's files with some of them replaced, without copying the rest: what the preview serves
 * after a quick update of one page (a site of 10,000 article pairs has more than 50,000 files, and
 * copying their map took longer than making the page). Read-only; iterates in the order of the
 * build's files.
 */
final class ReplacedFiles extends AbstractMap<String, OutputFile> {
  private final Map<String, OutputFile> base;
  private final Map<String, OutputFile> replaced;

  private ReplacedFiles(Map<String, OutputFile> base, Map<String, OutputFile> replaced) {
    this.base = base;
    this.replaced = replaced;
  }

  /**
   * {@code files} with {@code file} in place of the file at its path. A path the files do not have
   * gives a copy with the file added.
   */
  static Map<String, OutputFile> of(Map<String, OutputFile> files, OutputFile file) {
    if (!files.containsKey(file.path())) {
      Map<String, OutputFile> copy = new HashMap<>(files);
      copy.put(file.path(), file);
      return Map.copyOf(copy);
    }
    if (files instanceof ReplacedFiles r) {
      Map<String, OutputFile> replaced = new HashMap<>(r.replaced);
      replaced.put(file.path(), file);
      return new ReplacedFiles(r.base, Map.copyOf(replaced));
    }
    return new ReplacedFiles(files, Map.of(file.path(), file));
  }

  @Override
  public OutputFile get(Object path) {
    OutputFile file = replaced.get(path);
    return file != null ? file : base.get(path);
  }

  @Override
  public boolean containsKey(Object path) {
    return base.containsKey(path);
  }

  @Override
  public int size() {
    return base.size();
  }

  @Override
  public Set<Entry<String, OutputFile>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, OutputFile>> iterator() {
        Iterator<Entry<String, OutputFile>> entries = base.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Entry<String, OutputFile> next() {
            Entry<String, OutputFile> e = entries.next();
            OutputFile file = replaced.get(e.getKey());
            return Map.entry(e.getKey(), file != null ? file : e.getValue());
          }
        };
      }

      @Override
      public int size() {
        return base.size();
      }
    };
  }
}
