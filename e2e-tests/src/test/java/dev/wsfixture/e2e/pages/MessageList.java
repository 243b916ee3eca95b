package dev.wsfixture.e2e.pages;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The message list of the HTML client: a component of {@link ClientPage}. */
public final class MessageList {

  private static final By ITEMS = By.cssSelector("#messages li.message");
  private static final String READ_ITEMS =
      "return arguments[0].map(function (li) { return ["
          + " li.getAttribute('data-kind'),"
          + " li.querySelector('.message-text').textContent,"
          + " li.querySelector('.message-time').textContent,"
          + " li.getAttribute('data-length')]; });";
  private static final By ELEMENTS_IN_TEXTS = By.cssSelector("#messages .message-text *");
  private static final By COUNT = By.id("message-count");
  private static final By CLEAR = By.id("clear-button");

  private final ClientPage page;
  private final WebDriver driver;

  MessageList(ClientPage page, WebDriver driver) {
    this.page = page;
    this.driver = driver;
  }

  /** All entries, oldest first. */
  public List<Message> all() {
    page.focus();
    List<WebElement> items = driver.findElements(ITEMS);
    if (items.isEmpty()) {
      return List.of();
    }
    // One round trip for the whole list rather than four per entry: the lists get long.
    Object rows = ((JavascriptExecutor) driver).executeScript(READ_ITEMS, items);
    return ((List<?>) rows)
        .stream()
            .map(row -> (List<?>) row)
            .map(
                row ->
                    new Message(
                        (String) row.get(0),
                        (String) row.get(1),
                        (String) row.get(2),
                        row.get(3) == null ? null : Integer.valueOf((String) row.get(3))))
            .toList();
  }

  /** The entries of one kind, oldest first. */
  public List<Message> ofKind(String kind) {
    return all().stream().filter(m -> m.kind().equals(kind)).toList();
  }

  /** The texts of the sent, received and pushed messages, oldest first, without system lines. */
  public List<Message> wire() {
    return all().stream().filter(Message::isWire).toList();
  }

  /** The number in the badge beside the heading. */
  public int count() {
    page.focus();
    return Integer.parseInt(driver.findElement(COUNT).getText().trim());
  }

  /** How many HTML elements the message texts contain; the page shows text, never markup. */
  public int elementsInsideTexts() {
    page.focus();
    return driver.findElements(ELEMENTS_IN_TEXTS).size();
  }

  /** Waits until a message of this kind with exactly this text is listed, and returns it. */
  public Message awaitMessage(String kind, String text) {
    return awaitMessage(kind, text, ClientPage.WAIT);
  }

  /** As {@link #awaitMessage(String, String)}, with a timeout. */
  public Message awaitMessage(String kind, String text, Duration timeout) {
    return wait(timeout)
        .withMessage(
            () -> "no " + kind + " message '" + shorten(text) + "' listed; the list: " + describe())
        .until(
            d ->
                all().stream()
                    .filter(m -> m.kind().equals(kind) && m.text().equals(text))
                    .findFirst()
                    .orElse(null));
  }

  /** Waits until a message of this kind whose text starts with {@code prefix} is listed. */
  public Message awaitMessageStartingWith(String kind, String prefix) {
    return wait(ClientPage.WAIT)
        .withMessage(
            () ->
                "no "
                    + kind
                    + " message starting with '"
                    + shorten(prefix)
                    + "'; the list: "
                    + describe())
        .until(
            d ->
                all().stream()
                    .filter(m -> m.kind().equals(kind) && m.text().startsWith(prefix))
                    .findFirst()
                    .orElse(null));
  }

  /** Waits until at least {@code count} messages of this kind are listed, and returns them. */
  public List<Message> awaitKind(String kind, int count) {
    return wait(ClientPage.WAIT)
        .withMessage(
            () -> "fewer than " + count + " " + kind + " messages; the list: " + describe())
        .until(
            d -> {
              List<Message> found = ofKind(kind);
              return found.size() >= count ? found : null;
            });
  }

  /** Clicks "Clear messages". */
  public void clear() {
    page.focus();
    driver.findElement(CLEAR).click();
  }

  private WebDriverWait wait(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, ClientPage.POLL);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private String describe() {
    try {
      return all().stream()
          .map(m -> m.kind() + " '" + shorten(m.text()) + "'")
          .collect(Collectors.joining(", ", "[", "]"));
    } catch (RuntimeException e) {
      return "(could not read the list: " + e.getClass().getSimpleName() + ")";
    }
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " chars)";
  }
}
