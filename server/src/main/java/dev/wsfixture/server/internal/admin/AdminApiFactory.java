package dev.wsfixture.server.internal.admin;

import dev.wsfixture.internal.AdminApiProvider;
import dev.wsfixture.internal.ServerCore;
import io.undertow.server.HttpHandler;

/** Gives in-JVM servers the admin API when this artifact is on the class path (ServiceLoader). */
public final class AdminApiFactory implements AdminApiProvider {

  @Override
  public HttpHandler create(ServerCore core, String token) {
    return new AdminApi(core, token);
  }
}
