package dev.wsfixture.e2e.browser;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test class one {@link Browser} and each test a fresh window in it; saves the browser's
 * state when a test fails. See {@link BrowserTest}.
 */
final class BrowserExtension
    implements ExecutionCondition,
        BeforeEachCallback,
        BeforeTestExecutionCallback,
        AfterTestExecutionCallback,
        ParameterResolver,
        TestExecutionExceptionHandler {

  static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

  /** Key under which {@link LocalGrid} leaves the address of the Grid it started. */
  static final String GRID_URL = "grid-url";

  private static final String BROWSER = "browser";
  private static final String STARTED = "started";
  private static final String GRID_PROPERTY = "wsfixture.e2e.grid";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = Chromium.missing();
    if (missing == null || gridProperty() != null || isCi()) {
      return ConditionEvaluationResult.enabled("a browser is available or required");
    }
    return ConditionEvaluationResult.disabled("no local Chromium: " + missing);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    browser(context).freshWindow();
  }

  /**
   * The time of the test alone, the browser being up; the suite's figures come from these lines.
   */
  @Override
  public void beforeTestExecution(ExtensionContext context) {
    context.getStore(NAMESPACE).put(STARTED, System.nanoTime());
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Long started = context.getStore(NAMESPACE).get(STARTED, Long.class);
    if (started != null) {
      System.out.printf(
          "[e2e] %s.%s: %d ms%n",
          context.getRequiredTestClass().getSimpleName(),
          context.getRequiredTestMethod().getName(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser(context);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (failure instanceof TestAbortedException) {
      throw failure;
    }
    Browser browser = context.getStore(NAMESPACE).get(BROWSER, Browser.class);
    if (browser == null) {
      throw failure;
    }
    throw FailureArtifacts.save(browser, context, failure);
  }

  /**
   * The class's browser, started on first use rather than in {@code beforeAll}, so that a {@link
   * LocalGrid} registered on the same class is up whatever order the extensions run in.
   */
  private static Browser browser(ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    Store store = classContext.getStore(NAMESPACE);
    Browser browser = store.get(BROWSER, Browser.class);
    if (browser == null) {
      long start = System.nanoTime();
      browser = start(classContext);
      store.put(BROWSER, browser);
      System.out.printf(
          "[e2e] %s up for %s in %d ms%n",
          browser, classContext.getDisplayName(), (System.nanoTime() - start) / 1_000_000);
    }
    return browser;
  }

  private static Browser start(ExtensionContext context) {
    String grid = context.getStore(NAMESPACE).get(GRID_URL, String.class);
    if (grid == null) {
      grid = gridProperty();
    }
    if (grid != null) {
      return Browser.remote(url(grid));
    }
    String missing = Chromium.missing();
    if (missing != null) {
      throw new ExtensionConfigurationException(
          "CI=true and no local Chromium: " + missing + "; .ci/run installs them on CI machines");
    }
    return Browser.local();
  }

  private static URL url(String grid) {
    try {
      return URI.create(grid).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new ExtensionConfigurationException(
          "-D"
              + GRID_PROPERTY
              + "="
              + grid
              + " is not a URL; give the Grid's address, e.g."
              + " http://127.0.0.1:4444",
          e);
    }
  }

  private static String gridProperty() {
    String grid = System.getProperty(GRID_PROPERTY);
    return grid == null || grid.isBlank() ? null : grid.trim();
  }

  private static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
