package dev.wsfixture.e2e.pages;

import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Server state" card of the HTML client: the server's journal, standing faults and stubs, live
 * through the admin API. A component of {@link ClientPage}; it never asserts.
 */
public final class ServerState {

  /**
   * The card's state: {@code checking}, {@code on}, {@code off}, {@code token} or {@code error}.
   */
  private static final By CARD = By.id("server-state");

  private static final By NOTE = By.id("admin-alert");
  private static final By TOKEN = By.id("admin-token");
  private static final By USE_TOKEN = By.id("admin-token-button");
  private static final By ROWS = By.cssSelector("#journal-entries tr.journal-entry");
  private static final By FAULTS = By.cssSelector("#fault-list li[data-fault]");
  private static final By STUBS = By.cssSelector("#stub-list li[data-stub]");
  private static final By CLEAR_JOURNAL = By.id("journal-clear-button");
  private static final String READ_ROWS =
      "return arguments[0].map(function (tr) { return ["
          + " tr.getAttribute('data-sequence'), tr.getAttribute('data-direction'),"
          + " tr.getAttribute('data-type'), tr.getAttribute('data-origin'),"
          + " tr.getAttribute('data-session'),"
          + " tr.querySelector('.journal-content').textContent]; });";

  private final ClientPage page;
  private final WebDriver driver;

  ServerState(ClientPage page, WebDriver driver) {
    this.page = page;
    this.driver = driver;
  }

  /** The card's state now. */
  public String state() {
    page.focus();
    return driver.findElement(CARD).getDomAttribute("data-admin-state");
  }

  /** Waits until the card's state is {@code state} ({@code on} when live), and returns this. */
  public ServerState awaitState(String state) {
    page.focus();
    waiting()
        .withMessage(
            () -> "the server state card never became '" + state + "'; it is " + describeState())
        .until(ExpectedConditions.attributeToBe(CARD, "data-admin-state", state));
    return this;
  }

  /** Scrolls the page so that the card is in view, as a person does to watch it. */
  public ServerState scrollIntoView() {
    page.focus();
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'end', behavior: 'instant'});",
            driver.findElement(CARD));
    return this;
  }

  /** The note above the views: why there is no view, or what failed; {@code ""} when none. */
  public String note() {
    page.focus();
    return driver.findElement(NOTE).getText();
  }

  /** Gives the admin token the page asks for when the server is not on loopback. */
  public ServerState useToken(String token) {
    page.focus();
    WebElement field = driver.findElement(TOKEN);
    field.clear();
    field.sendKeys(token);
    click(USE_TOKEN);
    return this;
  }

  /** The journal rows shown, oldest first. */
  public List<JournalRow> journal() {
    page.focus();
    List<WebElement> rows = driver.findElements(ROWS);
    if (rows.isEmpty()) {
      return List.of();
    }
    Object read = ((JavascriptExecutor) driver).executeScript(READ_ROWS, rows);
    return ((List<?>) read)
        .stream()
            .map(row -> (List<?>) row)
            .map(
                row ->
                    new JournalRow(
                        Long.parseLong((String) row.get(0)),
                        (String) row.get(1),
                        (String) row.get(2),
                        (String) row.get(3),
                        (String) row.get(4),
                        (String) row.get(5)))
            .toList();
  }

  /** Waits until a journal row that {@code matches} is shown, and returns it. */
  public JournalRow awaitJournalRow(String description, Predicate<JournalRow> matches) {
    return waiting()
        .withMessage(
            () -> "no journal row " + description + " shown; the journal shows " + journal())
        .until(d -> journal().stream().filter(matches).findFirst().orElse(null));
  }

  /** Waits until the journal shows no rows. */
  public void awaitEmptyJournal() {
    waiting()
        .withMessage(() -> "the journal still shows " + journal())
        .until(d -> journal().isEmpty());
  }

  /** Clicks "Clear journal". */
  public ServerState clearJournal() {
    page.focus();
    click(CLEAR_JOURNAL);
    return this;
  }

  /** The standing faults shown, each as {@code kind field=value ...}. */
  public List<String> faults() {
    page.focus();
    return driver.findElements(FAULTS).stream().map(WebElement::getText).toList();
  }

  /** Waits until a standing fault of {@code kind} ({@code delay}, {@code hang}...) is shown. */
  public String awaitFault(String kind) {
    return waiting()
        .withMessage(() -> "no '" + kind + "' fault shown; the faults shown: " + faults())
        .until(
            d -> faults().stream().filter(f -> f.startsWith(kind + " ")).findFirst().orElse(null));
  }

  /** The stubs shown, each as {@code id: MATCH "pattern" ...}. */
  public List<String> stubs() {
    page.focus();
    return driver.findElements(STUBS).stream().map(WebElement::getText).toList();
  }

  /** Waits until the stub {@code id} is shown, and returns its line. */
  public String awaitStub(String id) {
    return waiting()
        .withMessage(() -> "no stub '" + id + "' shown; the stubs shown: " + stubs())
        .until(d -> stubs().stream().filter(s -> s.startsWith(id + ": ")).findFirst().orElse(null));
  }

  /** Waits until no stub is shown. */
  public void awaitNoStubs() {
    waiting().withMessage(() -> "stubs still shown: " + stubs()).until(d -> stubs().isEmpty());
  }

  /**
   * Clicks an element of the card, which sits below the fold: scrolled into view at once first, as
   * Bootstrap's smooth scrolling would otherwise still be moving it when the driver clicks.
   */
  private void click(By locator) {
    WebElement element = driver.findElement(locator);
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    element.click();
  }

  private String describeState() {
    try {
      return "'" + state() + "' with the note '" + note() + "'";
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, ClientPage.WAIT, ClientPage.POLL);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }
}
