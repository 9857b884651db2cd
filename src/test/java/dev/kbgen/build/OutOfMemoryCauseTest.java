package dev.kbgen.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which failures come from a full heap, as the runtime reports them. */
class OutOfMemoryCauseTest {
  /** Fails to initialise as a class does when the heap is full during its initialiser. */
  static final class FullHeapOnInit {
    static final int VALUE;

    static {
      if (Boolean.parseBoolean("true")) {
        throw new OutOfMemoryError("Java heap space");
      }
      VALUE = 1;
    }
  }

  /** Fails to initialise for another reason. */
  static final class BrokenInit {
    static final int VALUE;

    static {
      if (Boolean.parseBoolean("true")) {
        throw new IllegalStateException("broken");
      }
      VALUE = 1;
    }
  }

  /** Fails to initialise, for {@link #aClassWhoseFailureTheRuntimeCouldNotRecordMetAFullHeap}. */
  static final class MissingSetting {
    static final String VALUE = System.getProperty("kbgen.test.missing").strip();
  }

  @Test
  void aFullHeapIsFoundDirectlyAmongTheCausesAndInAClassItKeptFromInitialising() {
    assertThat(OutOfMemory.isCause(new OutOfMemoryError("Java heap space"))).isTrue();
    assertThat(
            OutOfMemory.isCause(
                new CompletionException(new RuntimeException(new OutOfMemoryError()))))
        .isTrue();

    // The first use meets the heap's error itself; every later use, in any thread, meets a
    // NoClassDefFoundError, which is what a build's waiting thread was handed.
    Throwable first = catchThrowable(() -> touch(FullHeapOnInit.class));
    assertThat(first).isInstanceOf(OutOfMemoryError.class);
    Throwable later =
        CompletableFuture.supplyAsync(() -> catchThrowable(() -> touch(FullHeapOnInit.class)))
            .join();
    assertThat(later).isInstanceOf(NoClassDefFoundError.class);
    assertThat(OutOfMemory.isCause(later)).as("%s", later).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(OutOfMemory.isCause(new StackOverflowError())).isFalse();
    assertThat(OutOfMemory.isCause(new IllegalStateException("x"))).isFalse();
    Throwable first = catchThrowable(() -> touch(BrokenInit.class));
    assertThat(first).isInstanceOf(ExceptionInInitializerError.class);
    Throwable later = catchThrowable(() -> touch(BrokenInit.class));
    assertThat(later).isInstanceOf(NoClassDefFoundError.class);
    assertThat(OutOfMemory.isCause(first)).isFalse();
    assertThat(OutOfMemory.isCause(later)).isFalse();
  }

  /**
   * The runtime records why an initialiser failed, as the cause of later uses' errors; only a full
   * heap keeps it from doing so. A class whose failure it could not record is taken for a full
   * heap, also inside the copy that a parallel stream hands its waiting thread; a missing class or
   * a recorded failure is not.
   */
  @Test
  void aClassWhoseFailureTheRuntimeCouldNotRecordMetAFullHeap() {
    catchThrowable(() -> touch(MissingSetting.class));
    Throwable recorded = catchThrowable(() -> touch(MissingSetting.class));
    assertThat(recorded).isInstanceOf(NoClassDefFoundError.class);
    assertThat(recorded.getCause()).as("the runtime's record of the first failure").isNotNull();
    OutOfMemory outOfMemory = OutOfMemory.prepare();
    assertThat(outOfMemory.explains(recorded)).isFalse();
    assertThat(outOfMemory.explains(new NoClassDefFoundError("org/example/Missing"))).isFalse();

    NoClassDefFoundError unrecorded =
        new NoClassDefFoundError(
            "Could not initialize class org.jsoup.parser.HtmlTreeBuilderState");
    assertThat(outOfMemory.explains(unrecorded)).isTrue();
    NoClassDefFoundError copy = new NoClassDefFoundError();
    copy.initCause(unrecorded);
    assertThat(outOfMemory.explains(copy)).isTrue();
    assertThat(OutOfMemory.isCause(copy)).as("not a heap error among the causes").isFalse();
  }

  /** A chain of causes that loops back on itself is looked through, not followed forever. */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLoopOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(OutOfMemory.isCause(a)).isFalse();
    RuntimeException c = new RuntimeException("c", new OutOfMemoryError());
    RuntimeException d = new RuntimeException("d", c);
    assertThat(OutOfMemory.isCause(d)).isTrue();
  }

  private static void touch(Class<?> type) throws ReflectiveOperationException {
    Class.forName(type.getName(), true, type.getClassLoader());
  }
}
