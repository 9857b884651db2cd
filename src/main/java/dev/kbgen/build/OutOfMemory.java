package dev.kbgen.build;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * What kbgen says when the Java heap is full, in one place for the command line and serve. The
 * message is formatted beforehand ({@link #prepare}): formatting it once the heap is full may need
 * the very memory that is missing.
 *
 * @param message the heap's size and how to give it more, as two lines
 * @param fullBefore how often the heap had been nearly full after a collection when this was
 *     prepared
 */
public record OutOfMemory(String message, long fullBefore) {
  private static final int ATTEMPTS = 50;

  /** How far down a failure's causes {@link #anyCause} looks. */
  private static final int MAX_CAUSES = 64;

  // The tests of a failure's causes are made with the class, when prepare() loads it: made on
  // first use, once the heap is full, they might need the memory that is missing.

  /** How the runtime records an initialiser's failure from a full heap. */
  private static final String HEAP_ERROR_RECORD = "Exception " + OutOfMemoryError.class.getName();

  /** The heap's error, or an initialiser's error recorded as caused by it ({@link #isCause}). */
  private static final Predicate<Throwable> HEAP_ERROR =
      t ->
          t instanceof OutOfMemoryError
              || t instanceof ExceptionInInitializerError
                  && t.getMessage() != null
                  && t.getMessage().startsWith(HEAP_ERROR_RECORD);

  /** A class's failed initialisation without the runtime's record of why ({@link #unrecorded}). */
  private static final Predicate<Throwable> UNRECORDED =
      t ->
          t instanceof NoClassDefFoundError
              && t.getCause() == null
              && t.getMessage() != null
              && t.getMessage().startsWith("Could not initialize class ");

  /** Of a heap pool's maximum: what a collection leaves behind when the heap is nearly full. */
  private static final double NEARLY_FULL = 0.9;

  /**
   * Formats the message now, while there is memory to do so, and starts counting the collections
   * after which the heap is nearly full.
   */
  public static OutOfMemory prepare() {
    return new OutOfMemory(
        String.format(
            Locale.ROOT,
            "kbgen: out of memory: the Java heap holds at most %d MB%n"
                + "  hint: give it more, e.g. KBGEN_JAVA_OPTS=-Xmx4g bin/kbgen ...,"
                + " or java -Xmx4g -jar kbgen.jar ...%n",
            Runtime.getRuntime().maxMemory() >> 20),
        timesNearlyFull());
  }

  /**
   * Whether a failure comes from a full heap: either {@link #isCause} says so, or it is a class
   * that could not be initialised ({@link NoClassDefFoundError}) while the heap has been nearly
   * full after a collection since this was prepared. The second covers a class whose initialiser
   * met the full heap when the runtime had no memory left even to record why: every later use of
   * the class fails with nothing but its name. Any other failure is a bug, however full the heap.
   * The heap may also have been full without a collection leaving it nearly full (an allocation too
   * large for what was left): a class whose failure the runtime could not record ({@link
   * #unrecorded}) then tells.
   */
  public boolean explains(Throwable failure) {
    return isCause(failure)
        || failure instanceof NoClassDefFoundError
            && (timesNearlyFull() > fullBefore || unrecorded(failure));
  }

  /**
   * Whether a failure is, or is caused by, a class that could not be initialised and whose first
   * failure the runtime could not record. Since Java 17 it records that failure as the cause of
   * every later use's error; only a full heap keeps it from doing so.
   */
  static boolean unrecorded(Throwable failure) {
    return anyCause(failure, UNRECORDED);
  }

  private static long timesNearlyFull() {
    long times = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = pool.getUsage().getMax();
      if (pool.getType() == MemoryType.HEAP
          && pool.isCollectionUsageThresholdSupported()
          && max > 0) {
        long threshold = (long) (max * NEARLY_FULL);
        if (pool.getCollectionUsageThreshold() != threshold) {
          pool.setCollectionUsageThreshold(threshold);
        }
        times += pool.getCollectionUsageThresholdCount();
      }
    }
    return times;
  }

  /**
   * Whether a failure comes from a full heap: an {@link OutOfMemoryError} anywhere in its causes,
   * or a class that could not be initialised because the heap was full while it was (the runtime
   * keeps only the name of that first failure, in the message of the initialiser's error). A build
   * whose worker thread runs out of memory first may hand its waiting thread the second kind.
   */
  public static boolean isCause(Throwable failure) {
    return anyCause(failure, HEAP_ERROR);
  }

  /**
   * Whether a failure or one of its causes passes a test. A chain of causes can loop back on
   * itself; a real one is a few links long, so the walk stops after {@link #MAX_CAUSES}.
   */
  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    int links = 0;
    for (Throwable t = failure; t != null && links < MAX_CAUSES; t = t.getCause(), links++) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Prints the message. The failed work's objects are unreachable by now, but the common pool's
   * workers may still be finishing their part of it: this waits for them first (they free the heap
   * for what runs next, such as the runtime's shutdown hooks), then prints, and while the heap
   * stays full it tries again, each for up to about five seconds.
   */
  public void report(PrintWriter err) {
    ForkJoinPool pool = ForkJoinPool.commonPool();
    for (int wait = 0; wait < ATTEMPTS && !pool.isQuiescent(); wait++) {
      pause();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        err.print(message);
        err.flush();
        return;
      } catch (OutOfMemoryError e) {
        if (attempt == ATTEMPTS || !pause()) {
          throw e;
        }
      }
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(100);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
