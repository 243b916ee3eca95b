/**
 * JUnit Jupiter support for wsfixture: {@link dev.wsfixture.junit.WebSocketEchoServer} starts a
 * live {@link dev.wsfixture.embedded.EchoServer} for a class, a test, a field or a parameter. Works
 * with JUnit Jupiter 5.10 and later, and 6.x.
 */
package dev.wsfixture.junit;
