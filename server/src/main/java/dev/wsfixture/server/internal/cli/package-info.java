/** The standalone program {@code java -jar wsfixture-server.jar}. Not API. */
package dev.wsfixture.server.internal.cli;
