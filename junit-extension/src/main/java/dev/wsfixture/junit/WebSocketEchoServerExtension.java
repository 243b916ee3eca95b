package dev.wsfixture.junit;

import dev.wsfixture.embedded.EchoServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Implements {@link WebSocketEchoServer}. Each extension context owns a {@link ScopedServers} in
 * its store, under a key made of its unique id, so that a lookup finds only that context's servers
 * and never a parent's; JUnit closes them when the context ends.
 */
class WebSocketEchoServerExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  static final Namespace NAMESPACE = Namespace.create(WebSocketEchoServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    classServers(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    for (ExtensionContext c = context.getParent().orElse(null);
        c != null;
        c = c.getParent().orElse(null)) {
      ScopedServers shared = owned(c);
      if (shared != null && !shared.isEmpty()) {
        // In this test's store, so that JUnit gives the turn back when the test ends, however.
        context
            .getStore(NAMESPACE)
            .put("turn on " + c.getUniqueId(), shared.takeTurn(context.getDisplayName()));
        shared.resetAll();
      }
    }
    ScopedServers servers = ownedOrNew(context);
    Declaration.find(context.getRequiredTestMethod())
        .ifPresent(d -> servers.addPrimary(d.where(), d.start()));
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : annotatedFields(instance.getClass(), false)) {
        assign(field, instance, servers);
      }
    }
  }

  /** On a class: starts the class's server and its static fields' servers, once. */
  private static ScopedServers classServers(ExtensionContext context) {
    ScopedServers started = owned(context);
    if (started != null) {
      return started;
    }
    ScopedServers servers = ownedOrNew(context);
    Class<?> testClass = context.getRequiredTestClass();
    Declaration.find(testClass).ifPresent(d -> servers.addPrimary(d.where(), d.start()));
    for (Field field : annotatedFields(testClass, true)) {
      assign(field, null, servers);
    }
    return servers;
  }

  private static List<Field> annotatedFields(Class<?> type, boolean statics) {
    return AnnotationSupport.findAnnotatedFields(
        type, WebSocketEchoServer.class, f -> Modifier.isStatic(f.getModifiers()) == statics);
  }

  private static void assign(Field field, Object instance, ScopedServers servers) {
    String where = Declaration.describe(field);
    if (field.getType() != EchoServer.class) {
      throw new ExtensionConfigurationException(
          "@WebSocketEchoServer "
              + where
              + " must be of type EchoServer, not "
              + field.getType().getName()
              + ": declare it as 'EchoServer "
              + field.getName()
              + "'");
    }
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@WebSocketEchoServer "
              + where
              + " must not be final: the extension assigns it "
              + (instance == null ? "before all tests" : "before each test")
              + ". Remove 'final'.");
    }
    Declaration declaration = Declaration.find(field).orElseThrow();
    EchoServer server = declaration.start();
    servers.add(where, server);
    try {
      field.setAccessible(true);
      field.set(instance, server);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "could not assign the server to @WebSocketEchoServer "
              + where
              + ": "
              + e.getMessage()
              + "; make the field accessible (not in a package closed to JUnit)",
          e);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EchoServer.class
        || parameter.isAnnotated(WebSocketEchoServer.class)
        || parameter.isAnnotated(EchoUri.class)
        || parameter.isAnnotated(SessionUri.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    Optional<SessionUri> session = parameter.findAnnotation(SessionUri.class);
    if (session.isPresent() || parameter.isAnnotated(EchoUri.class)) {
      requireType(p, URI.class, session.isPresent() ? "@SessionUri" : "@EchoUri");
      EchoServer server = primary(parameter, context);
      if (session.isEmpty()) {
        return server.echoUri();
      }
      try {
        return server.sessionUri(session.get().value());
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "@SessionUri on " + Declaration.describe(p) + ": " + e.getMessage(), e);
      }
    }
    Optional<Declaration> own = Declaration.find(p);
    requireType(p, EchoServer.class, "@WebSocketEchoServer");
    if (own.isPresent()) {
      EchoServer server = own.get().start();
      ownedOrNew(context).add(own.get().where(), server);
      return server;
    }
    return primary(parameter, context);
  }

  private static void requireType(Parameter p, Class<?> type, String annotation) {
    if (p.getType() != type) {
      throw new ParameterResolutionException(
          annotation
              + " "
              + Declaration.describe(p)
              + " must be of type "
              + type.getName()
              + ", not "
              + p.getType().getName()
              + ": change the parameter's type to "
              + type.getSimpleName());
    }
  }

  /** The innermost class or method server: the method's, else its class's, else outward. */
  private static EchoServer primary(ParameterContext parameter, ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      ScopedServers servers = owned(c);
      if (servers == null && c.getTestMethod().isEmpty() && c.getTestClass().isPresent()) {
        servers = classServers(c); // a constructor parameter under PER_CLASS, before beforeAll
      }
      if (servers != null && servers.primary() != null) {
        return servers.primary();
      }
    }
    throw new ParameterResolutionException(
        "No @WebSocketEchoServer in scope for "
            + Declaration.describe(parameter.getParameter())
            + ": annotate the test class (one server for all its tests), the test method (one"
            + " server per test) or the parameter itself with @WebSocketEchoServer."
            + " Servers of annotated fields are in those fields.");
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withJournals(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withJournals(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withJournals(context, failure);
  }

  /** Attaches the journal of each server in scope to a failure, and publishes it. */
  private static Throwable withJournals(ExtensionContext context, Throwable failure) {
    if (failure instanceof TestAbortedException) {
      return failure;
    }
    List<ScopedServers.Owned> inScope = new ArrayList<>();
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      ScopedServers servers = owned(c);
      if (servers != null) {
        inScope.addAll(servers.all());
      }
    }
    for (ScopedServers.Owned owned : inScope) {
      String journal = JournalSnapshot.describe(owned);
      context.publishReportEntry("wsfixture.journal", journal);
      failure.addSuppressed(new JournalSnapshot(journal));
    }
    return failure;
  }

  private static ScopedServers owned(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(key(context), ScopedServers.class);
  }

  private static ScopedServers ownedOrNew(ExtensionContext context) {
    ScopedServers servers = owned(context);
    if (servers == null) {
      servers = new ScopedServers();
      context.getStore(NAMESPACE).put(key(context), servers);
    }
    return servers;
  }

  private static String key(ExtensionContext context) {
    return "servers of " + context.getUniqueId();
  }
}
