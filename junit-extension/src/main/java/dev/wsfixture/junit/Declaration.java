package dev.wsfixture.junit;

import dev.wsfixture.Replay;
import dev.wsfixture.embedded.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.BindException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/** A {@link WebSocketEchoServer} found on one element, and the server it asks for. */
record Declaration(WebSocketEchoServer annotation, String where) {

  /**
   * The annotation on {@code element}, directly, through a composed annotation or (for a class)
   * inherited.
   *
   * @throws ExtensionConfigurationException if the element carries it twice with different
   *     attributes
   */
  static Optional<Declaration> find(AnnotatedElement element) {
    Optional<WebSocketEchoServer> found =
        AnnotationSupport.findAnnotation(element, WebSocketEchoServer.class);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String where = describe(element);
    Map<WebSocketEchoServer, String> declared = new LinkedHashMap<>();
    collect(element.getDeclaredAnnotations(), null, declared, new HashSet<>());
    if (declared.size() > 1) {
      throw new ExtensionConfigurationException(
          where
              + " carries @WebSocketEchoServer more than once with different attributes ("
              + String.join(", ", new TreeSet<>(declared.values()))
              + "): keep one of them and put all attributes there");
    }
    return Optional.of(new Declaration(found.get(), where));
  }

  private static void collect(
      Annotation[] annotations,
      String via,
      Map<WebSocketEchoServer, String> found,
      Set<Class<?>> visited) {
    for (Annotation annotation : annotations) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (annotation instanceof WebSocketEchoServer server) {
        found.putIfAbsent(server, via == null ? "directly" : "through @" + via);
      } else if (!type.getName().startsWith("java.lang.annotation") && visited.add(type)) {
        collect(
            type.getDeclaredAnnotations(),
            via == null ? type.getSimpleName() : via,
            found,
            visited);
      }
    }
  }

  /**
   * The file of {@code replay}: the path as given if it exists, else the class-path resource of
   * that name (copied to a temporary file when it lies inside a jar).
   */
  private static Path recording(String replay) {
    Path file = Path.of(replay);
    if (Files.exists(file)) {
      return file;
    }
    String resource = replay.startsWith("/") ? replay.substring(1) : replay;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    URL url = loader == null ? null : loader.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException(
          "replay '"
              + replay
              + "' is neither a file (relative to "
              + Path.of("").toAbsolutePath()
              + ") nor a class-path resource");
    }
    try {
      if (url.getProtocol().equals("file")) {
        return Path.of(url.toURI());
      }
      Path copy = Files.createTempFile("wsfixture-replay-", ".jsonl");
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException | URISyntaxException e) {
      throw new IllegalArgumentException("replay '" + replay + "' cannot be read: " + e, e);
    }
  }

  /** Starts the server this declaration asks for. */
  EchoServer start() {
    try {
      EchoServer.Builder builder =
          EchoServer.builder()
              .sessions(annotation.sessions())
              .echoPrefix(annotation.echoPrefix())
              .maxMessageSize(annotation.maxMessageSize())
              .port(annotation.port())
              .host(annotation.host())
              .awaitTimeout(Duration.ofMillis(annotation.awaitTimeoutMillis()))
              .journalLimit(annotation.journalLimit())
              .journal(annotation.journal())
              .perMessageDeflate(annotation.perMessageDeflate())
              .subprotocols(annotation.subprotocols())
              .maxConnections(annotation.maxConnections());
      if (annotation.idleTimeoutMillis() != 0) {
        builder.idleTimeout(Duration.ofMillis(annotation.idleTimeoutMillis()));
      }
      if (annotation.tls()) {
        builder.tls();
      }
      if (!annotation.replay().isEmpty()) {
        builder.replay(
            Replay.of(recording(annotation.replay()))
                .timing(annotation.replayTiming())
                .ignoringFields(annotation.replayIgnoredFields())
                .copyingFields(annotation.replayCopiedFields())
                .onDeviation(Replay.Deviation.parse(annotation.onDeviation())));
      }
      return builder.start();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "@WebSocketEchoServer on " + where + " has a bad attribute: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      if (hasCause(e, BindException.class) && annotation.port() != 0) {
        throw new ExtensionConfigurationException(
            "@WebSocketEchoServer(port = "
                + annotation.port()
                + ") on "
                + where
                + ": port "
                + annotation.port()
                + " on "
                + annotation.host()
                + " is already in use. Remove the port attribute (a free port is the default"
                + " and never collides), or stop what holds the port.",
            e);
      }
      throw new ExtensionConfigurationException(
          "@WebSocketEchoServer on " + where + " could not start: " + e.getMessage(), e);
    }
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /** How error messages and journal reports name an element. */
  static String describe(AnnotatedElement element) {
    if (element instanceof Class<?> type) {
      return "class " + type.getName();
    }
    if (element instanceof Executable executable) {
      return (executable instanceof Constructor<?> ? "constructor " : "method ")
          + executableName(executable);
    }
    if (element instanceof Field field) {
      return (Modifier.isStatic(field.getModifiers()) ? "static field " : "field ")
          + field.getDeclaringClass().getName()
          + "."
          + field.getName();
    }
    if (element instanceof Parameter parameter) {
      Executable executable = parameter.getDeclaringExecutable();
      int index = List.of(executable.getParameters()).indexOf(parameter);
      return "parameter "
          + index
          + " ("
          + parameter.getType().getSimpleName()
          + ") of "
          + describe(executable);
    }
    return element.toString();
  }

  private static String executableName(Executable executable) {
    String parameters =
        Stream.of(executable.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
    String owner = executable.getDeclaringClass().getName();
    return (executable instanceof Constructor<?> ? owner : owner + "#" + executable.getName())
        + "("
        + parameters
        + ")";
  }
}
