package dev.wsfixture.server.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code --upstream-trust FILE}: a TLS context that trusts the certificates in a PEM or DER file,
 * and nothing else, for a {@code wss://} upstream with a self-signed certificate.
 */
final class UpstreamTrust {

  private UpstreamTrust() {}

  /**
   * @throws IllegalArgumentException if the file cannot be read or holds no certificate, saying so
   */
  static SSLContext load(Path file) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--upstream-trust: " + file + " does not exist");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--upstream-trust: "
              + file
              + " is not a certificate file ("
              + e.getMessage()
              + "); give the upstream's certificate, PEM (-----BEGIN CERTIFICATE-----) or DER");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "--upstream-trust: " + file + " holds no certificate; give the upstream's, PEM or DER");
    }
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("upstream-" + i++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not make a TLS context for --upstream-trust", e);
    }
  }
}
