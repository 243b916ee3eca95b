package dev.wsfixture.e2e.pages;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML client the fixture serves at {@code /}: register a session, connect to the session or
 * echo endpoint, send, read the status and the messages. It offers what the page does and reports
 * what it shows; it never asserts. Each page object belongs to the window it was opened in and
 * switches back to it before acting, so that two pages in two windows can be used side by side.
 */
public final class ClientPage {

  /** How long the page object waits for the page; generous, the machines are small and busy. */
  static final Duration WAIT = Duration.ofSeconds(15);

  static final Duration POLL = Duration.ofMillis(100);

  private static final String TITLE = "wsfixture";
  private static final By SESSION_ID = By.id("session-id");
  private static final By REGISTER = By.id("register-button");
  private static final By REGISTRATION_RESULT = By.id("registration-result");
  private static final By REGISTRATION_OUTCOME =
      By.cssSelector("#registration-result[data-outcome]");
  private static final By ENDPOINT_SESSION = By.id("endpoint-session");
  private static final By ENDPOINT_ECHO = By.id("endpoint-echo");
  private static final By CONNECT = By.id("connect-button");
  private static final By DISCONNECT = By.id("disconnect-button");
  private static final By STATUS = By.id("status");
  private static final By CONNECTION_URL = By.id("connection-url");
  private static final By CONNECTION_ALERT = By.id("connection-alert");
  private static final By MESSAGE_INPUT = By.id("message-input");
  private static final By SEND = By.id("send-button");
  private static final By FORMAT_TEXT = By.cssSelector("label[for=format-text]");
  private static final By FORMAT_BINARY = By.cssSelector("label[for=format-binary]");
  private static final By MESSAGE_ALERT = By.id("message-alert");
  private static final By SUBPROTOCOL = By.id("subprotocol");
  private static final By SUBPROTOCOL_HELP = By.id("subprotocol-help");
  private static final By CONNECTION_PROTOCOL = By.id("connection-protocol");
  private static final By ECHO_REPLY_EXAMPLE = By.id("echo-reply-example");
  private static final By CONFIG_LOADED = By.cssSelector("body[data-config]");

  private final WebDriver driver;
  private final String window;
  private final MessageList messages;
  private final ServerState serverState;

  /** Wraps the page in the driver's current window; fails if that is not the HTML client. */
  public ClientPage(WebDriver driver) {
    this.driver = driver;
    this.window = driver.getWindowHandle();
    this.messages = new MessageList(this, driver);
    this.serverState = new ServerState(this, driver);
    new WebDriverWait(driver, WAIT, POLL)
        .withMessage(
            () ->
                "expected the wsfixture HTML client, found '"
                    + driver.getTitle()
                    + "' at "
                    + driver.getCurrentUrl())
        .until(
            ExpectedConditions.and(
                ExpectedConditions.titleContains(TITLE),
                ExpectedConditions.elementToBeClickable(CONNECT),
                ExpectedConditions.presenceOfElementLocated(CONFIG_LOADED)));
  }

  /** Loads the client from {@code uri}, the server's {@code httpUri()}, in the current window. */
  public static ClientPage open(WebDriver driver, URI uri) {
    driver.get(uri.toString());
    return new ClientPage(driver);
  }

  /** Types {@code id} into the session id field, replacing what was there. */
  public ClientPage enterSessionId(String id) {
    WebElement field = find(SESSION_ID);
    field.clear();
    field.sendKeys(id);
    return this;
  }

  /** Enters {@code id}, clicks Register and waits for the page's answer. */
  public RegistrationResult register(String id) {
    enterSessionId(id);
    find(REGISTER).click();
    WebElement result =
        new WebDriverWait(driver, WAIT, POLL)
            .withMessage(() -> "no registration result shown for '" + id + "'")
            .until(ExpectedConditions.visibilityOfElementLocated(REGISTRATION_OUTCOME));
    return new RegistrationResult(result.getDomAttribute("data-outcome"), result.getText());
  }

  /** The hint in the empty session id field. */
  public String sessionIdPlaceholder() {
    return find(SESSION_ID).getDomAttribute("placeholder");
  }

  /** Clicks Register with the field as it is, and waits for the page's answer. */
  public RegistrationResult clickRegister() {
    find(REGISTER).click();
    WebElement result =
        new WebDriverWait(driver, WAIT, POLL)
            .withMessage(() -> "no registration result shown")
            .until(ExpectedConditions.visibilityOfElementLocated(REGISTRATION_OUTCOME));
    return new RegistrationResult(result.getDomAttribute("data-outcome"), result.getText());
  }

  /** The registration message shown, {@code ""} when none. */
  public String registrationText() {
    return find(REGISTRATION_RESULT).getText();
  }

  /** Chooses the session endpoint {@code /ws/{id}}. */
  public ClientPage useSessionEndpoint() {
    find(ENDPOINT_SESSION).click();
    return this;
  }

  /** Chooses the echo endpoint {@code /}. */
  public ClientPage useEchoEndpoint() {
    find(ENDPOINT_ECHO).click();
    return this;
  }

  /** Types {@code name} into the subprotocol field, replacing what was there; empty for none. */
  public ClientPage subprotocol(String name) {
    WebElement field = find(SUBPROTOCOL);
    field.clear();
    field.sendKeys(name);
    return this;
  }

  /** What the page says of the server's subprotocols, under the field. */
  public String subprotocolHelp() {
    return find(SUBPROTOCOL_HELP).getText();
  }

  /**
   * The subprotocol the open connection agreed on, {@code ""} for none, {@code null} before a
   * connection opened.
   */
  public String negotiatedSubprotocol() {
    return find(STATUS).getDomAttribute("data-protocol");
  }

  /** The subprotocol line under the connection's URL. */
  public String connectionProtocol() {
    return find(CONNECTION_PROTOCOL).getText();
  }

  /** The example of an echo reply in the page's header, such as {@code Echo: message}. */
  public String echoReplyExample() {
    return find(ECHO_REPLY_EXAMPLE).getText();
  }

  /** Clicks Connect; does not wait: follow with {@link #awaitState(String)}. */
  public ClientPage connect() {
    find(CONNECT).click();
    return this;
  }

  /** Clicks Connect and waits until the page says connected. */
  public ConnectionStatus connectAndAwait() {
    return connect().awaitState("connected");
  }

  /** Clicks Disconnect. */
  public ClientPage disconnect() {
    find(DISCONNECT).click();
    return this;
  }

  /** Whether the Connect button can be clicked, as after a close. */
  public boolean canConnect() {
    return find(CONNECT).isEnabled();
  }

  /** The connection badge as it is now. */
  public ConnectionStatus status() {
    WebElement status = find(STATUS);
    String code = status.getDomAttribute("data-close-code");
    return new ConnectionStatus(
        status.getDomAttribute("data-state"),
        status.getText(),
        code == null ? null : Integer.valueOf(code),
        status.getDomAttribute("data-close-reason"));
  }

  /** Waits until the connection badge shows {@code state}, and returns it. */
  public ConnectionStatus awaitState(String state) {
    focus();
    new WebDriverWait(driver, WAIT, POLL)
        .withMessage(
            () -> "connection state never became '" + state + "'; the page shows " + status())
        .until(ExpectedConditions.attributeToBe(STATUS, "data-state", state));
    return status();
  }

  /** The WebSocket URL the page connected to last. */
  public String connectionUrl() {
    return find(CONNECTION_URL).getText();
  }

  /** The alert under the connection card, {@code ""} when none. */
  public String connectionAlert() {
    return find(CONNECTION_ALERT).getText();
  }

  /** Waits until the connection card shows an alert containing {@code text}, and returns it. */
  public String awaitConnectionAlert(String text) {
    focus();
    new WebDriverWait(driver, WAIT, POLL)
        .withMessage(
            () -> "no connection alert with '" + text + "'; it shows '" + connectionAlert() + "'")
        .until(ExpectedConditions.textToBePresentInElementLocated(CONNECTION_ALERT, text));
    return connectionAlert();
  }

  /** Types {@code text} into the message field, as a person would, and clicks Send. */
  public ClientPage send(String text) {
    WebElement input = find(MESSAGE_INPUT);
    input.clear();
    input.sendKeys(text);
    find(SEND).click();
    return this;
  }

  /**
   * Puts {@code text} into the message field at once, as a paste would, and clicks Send. For what
   * typing cannot do quickly or at all: a 1 MiB message, characters outside the BMP.
   */
  public ClientPage paste(String text) {
    WebElement input = find(MESSAGE_INPUT);
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            input,
            text);
    find(SEND).click();
    return this;
  }

  /** Chooses "Binary (hex)": the message field then takes hex bytes such as {@code 01 02 ff}. */
  public ClientPage sendAsBinary() {
    find(FORMAT_BINARY).click();
    return this;
  }

  /** Chooses "Text", the default. */
  public ClientPage sendAsText() {
    find(FORMAT_TEXT).click();
    return this;
  }

  /** Sends {@code hex} as a binary message: chooses "Binary (hex)", types, clicks Send. */
  public ClientPage sendBinary(String hex) {
    return sendAsBinary().send(hex);
  }

  /** Types into the message field without sending. */
  public ClientPage typeMessage(String text) {
    find(MESSAGE_INPUT).sendKeys(text);
    return this;
  }

  /** The alert under the message field, {@code ""} when none. */
  public String messageAlert() {
    return find(MESSAGE_ALERT).getText();
  }

  /** Whether the message field has the keyboard focus. */
  public boolean messageInputHasFocus() {
    focus();
    return driver.switchTo().activeElement().equals(driver.findElement(MESSAGE_INPUT));
  }

  /** The server's journal, faults and stubs, as the page shows them. */
  public ServerState serverState() {
    return serverState;
  }

  /** What the message field holds now. */
  public String messageInput() {
    return find(MESSAGE_INPUT).getDomProperty("value");
  }

  /** The message list. */
  public MessageList messages() {
    return messages;
  }

  /** Whether a JavaScript alert, confirm or prompt is open in this window. */
  public boolean isAlertOpen() {
    focus();
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Makes this page's window the driver's current one, when another page used the driver. */
  void focus() {
    if (!window.equals(driver.getWindowHandle())) {
      driver.switchTo().window(window);
    }
  }

  private WebElement find(By locator) {
    focus();
    return driver.findElement(locator);
  }
}
