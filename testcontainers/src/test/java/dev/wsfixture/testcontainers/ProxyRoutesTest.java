package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The routes a container proxies, as WSFIXTURE_PROXY gets them, and the mistakes refused. */
class ProxyRoutesTest {

  @Test
  void routesAreCommaSeparatedAsTheServerSplitsThem() {
    ProxyRoutes routes = new ProxyRoutes();
    routes.add(null, URI.create("ws://upstream:9000/api"));
    routes.add("/feed", URI.create("wss://feed.example.test/v2?x=1"));
    assertThat(routes.env())
        .isEqualTo("ws://upstream:9000/api,/feed=wss://feed.example.test/v2?x=1");
  }

  @Test
  void refusesWhatTheServerWouldRefuseOrMisread() {
    ProxyRoutes routes = new ProxyRoutes();
    routes.add(null, URI.create("ws://upstream:9000/"));
    assertThatThrownBy(() -> routes.add(null, URI.create("ws://other:9000/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("withProxy(URI) is given twice");
    assertThatThrownBy(() -> routes.add(null, URI.create("ws:///no-host")))
        .hasMessageContaining("has no host");
    assertThatThrownBy(() -> routes.add("/a", URI.create("ws://upstream/a?x=1,2")))
        .hasMessageContaining("contains a comma, which separates the routes of WSFIXTURE_PROXY");
    assertThatThrownBy(() -> routes.add("/a=b", URI.create("ws://upstream/")))
        .hasMessageStartingWith("proxy path '/a=b' must start with '/' and contain no ',' or '='");
    routes.add("/a", URI.create("ws://upstream/a"));
    assertThatThrownBy(() -> routes.add("/a", URI.create("ws://upstream/b")))
        .hasMessage("proxy path /a is given twice; give each path one upstream");
  }

  @Test
  void aLoopbackUpstreamIsTheContainerItselfUnlessItSharesANetworkNamespace() {
    for (String host : new String[] {"localhost", "127.0.0.1", "[::1]", "0.0.0.0"}) {
      ProxyRoutes routes = new ProxyRoutes();
      routes.add("/chat", URI.create("ws://" + host + ":9000/chat"));
      assertThatThrownBy(() -> routes.requireReachable(null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is on the loopback address");
      assertThatCode(() -> routes.requireReachable("host")).doesNotThrowAnyException();
      assertThatCode(() -> routes.requireReachable("container:abc")).doesNotThrowAnyException();
    }
    ProxyRoutes elsewhere = new ProxyRoutes();
    elsewhere.add(null, URI.create("ws://host.testcontainers.internal:9000/"));
    elsewhere.add("/b", URI.create("ws://172.17.0.1:9000/"));
    assertThatCode(() -> elsewhere.requireReachable("bridge")).doesNotThrowAnyException();
  }
}
