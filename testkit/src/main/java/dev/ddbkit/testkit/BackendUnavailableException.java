package dev.ddbkit.testkit;

import org.jspecify.annotations.Nullable;

/** The requested backend cannot run here (for example, no Docker engine for Testcontainers). */
public final class BackendUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Backend backend;

  BackendUnavailableException(Backend backend, @Nullable String reason, @Nullable Throwable cause) {
    super(backend + " backend unavailable: " + reason, cause);
    this.backend = backend;
  }

  /** The backend that could not start. */
  public Backend backend() {
    return backend;
  }
}
