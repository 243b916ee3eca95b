/**
 * Contract tests: the behaviour of every {@link dev.wsfixture.WebSocketFixture}, written once
 * against the interface with real clients and run against each server by a small subclass that
 * starts it ({@code EchoServer*Test} in the fixture module, {@code Container*IT} in the
 * testcontainers module).
 */
package dev.wsfixture.testsupport.contract;
