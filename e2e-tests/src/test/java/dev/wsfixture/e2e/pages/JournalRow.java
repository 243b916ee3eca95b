package dev.wsfixture.e2e.pages;

/**
 * One row of the page's live journal, as the page shows it.
 *
 * @param sequence the server's sequence number of the entry
 * @param direction {@code RECEIVED} or {@code SENT}
 * @param type {@code OPENED}, {@code CLOSED}, {@code TEXT}, {@code BINARY}, {@code PING}, {@code
 *     PONG}
 * @param origin {@code CLIENT}, {@code ECHO}, {@code PUSH}, {@code STUB} or {@code SERVER}
 * @param session the session id, {@code ""} for the echo endpoint
 * @param content the shown content: the text (shortened), the binary size and base64, the close
 *     code
 */
public record JournalRow(
    long sequence, String direction, String type, String origin, String session, String content) {}
