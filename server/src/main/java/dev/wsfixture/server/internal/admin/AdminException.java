package dev.wsfixture.server.internal.admin;

/** A request the admin API refuses: the HTTP status and the JSON error it answers with. */
final class AdminException extends RuntimeException {

  private final int status;
  private final String error;

  AdminException(int status, String error, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  String detail() {
    return getMessage();
  }

  static AdminException badRequest(String error, String detail) {
    return new AdminException(400, error, detail);
  }

  static AdminException notFound(String error, String detail) {
    return new AdminException(404, error, detail);
  }
}
