package dev.kbgen.build;

/** An unexpected failure inside a stage: a bug in kbgen, not a writer's mistake. */
public final class StageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StageException(String stage, Throwable cause) {
    super(stage + ": " + cause, cause);
  }
}
