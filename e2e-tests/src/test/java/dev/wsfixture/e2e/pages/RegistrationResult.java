package dev.wsfixture.e2e.pages;

/**
 * What the page says after Register.
 *
 * @param outcome {@code registered} or {@code error}
 * @param text the message shown
 */
public record RegistrationResult(String outcome, String text) {

  public boolean registered() {
    return "registered".equals(outcome);
  }
}
