/**
 * The standalone program: {@code target/wsfixture-server} (the launcher) or {@code java -jar
 * wsfixture-server.jar}. Not API.
 */
package dev.wsfixture.server.internal.cli;
