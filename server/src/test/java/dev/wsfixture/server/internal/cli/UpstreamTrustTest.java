package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.internal.Tls;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsUpstream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --upstream-trust FILE}: a wss:// upstream with a self-signed certificate. */
@Timeout(60)
class UpstreamTrustTest {

  @TempDir Path directory;

  @Test
  void theProgramTrustsTheUpstreamCertificateInAPemFile() throws Exception {
    Tls tls = Tls.selfSigned();
    Path pem = directory.resolve("upstream.pem");
    Files.writeString(
        pem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(tls.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    try (JwsUpstream upstream = JwsUpstream.listenTls(tls.serverContext());
        EchoServer server =
            StandaloneMain.start(
                List.of(
                    "--port",
                    "0",
                    "--proxy",
                    upstream.uri().toString(),
                    "--upstream-trust",
                    pem.toString()),
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JdkClient client =
            JdkClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/secure"))) {
      assertThat(client.nextText()).isEqualTo("welcome");
      assertThat(client.ask("over tls")).isEqualTo("echo:over tls");
    }
  }

  @Test
  void aFileWithoutACertificateIsRefusedSayingWhatToGive() throws Exception {
    Path notPem = Files.writeString(directory.resolve("key.txt"), "not a certificate");
    assertThatThrownBy(() -> UpstreamTrust.load(notPem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--upstream-trust: " + notPem)
        .hasMessageContaining("PEM (-----BEGIN CERTIFICATE-----) or DER");
    assertThatThrownBy(() -> UpstreamTrust.load(directory.resolve("missing.pem")))
        .hasMessageContaining("does not exist");
  }
}
