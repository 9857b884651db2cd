package dev.kbgen.markdown;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;

/**
 * A flexmark factory that wraps an extension's own: it takes that factory's place in flexmark's
 * ordering of parsers and post-processors.
 */
interface Wrapping extends Dependent {
  /** The wrapped factory. */
  Dependent inner();

  @Override
  default Set<Class<?>> getAfterDependents() {
    return inner().getAfterDependents();
  }

  @Override
  default Set<Class<?>> getBeforeDependents() {
    return inner().getBeforeDependents();
  }

  @Override
  default boolean affectsGlobalScope() {
    return inner().affectsGlobalScope();
  }
}
