package dev.kbgen.template;

/** Thrown when a template cannot be rendered; carries the located error. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient TemplateError error;

  public TemplateException(TemplateError error, Throwable cause) {
    super(error.message(), cause);
    this.error = error;
  }

  public TemplateError error() {
    return error;
  }
}
