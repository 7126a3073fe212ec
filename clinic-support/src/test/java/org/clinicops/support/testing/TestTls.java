package org.clinicops.support.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for {@code localhost}, made once per test JVM by the JDK's keytool (no key lives in the repository),
 * as the PEM files the production profile's {@code clinic.tls.*} settings name, and a client that trusts it.
 */
public final class TestTls {

    private static final String PASSWORD = "test-only";
    private static final Localhost CERTIFICATE = make();

    private TestTls() {
    }

    /** {@code file:} URL of the PEM certificate. */
    public static String certificate() {
        return "file:" + CERTIFICATE.certificate();
    }

    /** {@code file:} URL of the PEM PKCS#8 private key. */
    public static String privateKey() {
        return "file:" + CERTIFICATE.privateKey();
    }

    /** The arguments that let an application start with the {@code prod} profile's HTTPS. */
    public static List<String> serverArguments() {
        return List.of("--clinic.tls.certificate=" + certificate(), "--clinic.tls.private-key=" + privateKey());
    }

    /** A TLS context that trusts this certificate (and only it). */
    public static SSLContext trustingIt() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("localhost", CERTIFICATE.cert());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Localhost(Path certificate, Path privateKey, Certificate cert) {
    }

    private static Localhost make() {
        try {
            Path directory = Files.createTempDirectory("clinic-test-tls");
            Path store = directory.resolve("localhost.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Certificate cert = keys.getCertificate("localhost");
            PrivateKey key = (PrivateKey) keys.getKey("localhost", PASSWORD.toCharArray());
            Path certificate = Files.writeString(directory.resolve("localhost.crt"),
                    pem("CERTIFICATE", cert.getEncoded()));
            Path privateKey = Files.writeString(directory.resolve("localhost.key"),
                    pem("PRIVATE KEY", key.getEncoded()));
            return new Localhost(certificate, privateKey, cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
