package dev.wsfixture.e2e.pages;

/**
 * The connection badge of the page.
 *
 * @param state {@code disconnected}, {@code connecting}, {@code connected} or {@code closed}
 * @param text what the badge says, e.g. {@code closed (1011 going away)}
 * @param closeCode the close code after a close, else {@code null}
 * @param closeReason the close reason after a close ({@code ""} when none), else {@code null}
 */
public record ConnectionStatus(String state, String text, Integer closeCode, String closeReason) {}
