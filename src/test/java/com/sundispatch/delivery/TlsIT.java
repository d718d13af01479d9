package com.sundispatch.delivery;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sundispatch.SunDispatchApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The server speaking TLS itself from a PEM certificate and key generated for this test. */
class TlsIT {

    private static ConfigurableApplicationContext app;
    private static int port;
    private static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sd-tls");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "openssl is needed to generate the test certificate");
        app = new SpringApplicationBuilder(SunDispatchApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:tls;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--server.ssl.bundle=tls",
                "--spring.ssl.bundle.pem.tls.keystore.certificate=file:" + cert,
                "--spring.ssl.bundle.pem.tls.keystore.private-key=file:" + key,
                "--sundispatch.identity.bootstrap-admin-email=", "--spring.mail.host=");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = new FileInputStream(cert.toFile())) {
            trust.setCertificateEntry("test", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static SSLSocket socket(String protocol) throws Exception {
        SSLSocket s = (SSLSocket) trusting.getSocketFactory().createSocket("localhost", port);
        s.setEnabledProtocols(new String[] { protocol });
        s.setSoTimeout(5000);
        return s;
    }

    @Test
    void tls12And13AreSpokenAndHealthAnswersWithHsts() throws Exception {
        for (String protocol : new String[] { "TLSv1.3", "TLSv1.2" }) {
            try (SSLSocket s = socket(protocol)) {
                s.startHandshake();
                assertThat(s.getSession().getProtocol()).isEqualTo(protocol);
                s.getOutputStream().write(("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes());
                String answer = new String(s.getInputStream().readAllBytes());
                assertThat(answer).startsWith("HTTP/1.1 200");
                assertThat(answer).containsIgnoringCase("Strict-Transport-Security: max-age=31536000 ; includeSubDomains");
            }
        }
    }

    /**
     * A ClientHello offering at most TLS 1.0 or 1.1, written byte by byte, so the test does not depend on what
     * this JVM's own TLS client is still willing to send. The server must answer with an alert, not a hello.
     */
    @Test
    void protocolsBelowTls12AreRefused() throws Exception {
        for (int minor : new int[] { 1, 2 }) {
            try (java.net.Socket s = new java.net.Socket("localhost", port)) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(clientHello(minor));
                int contentType = s.getInputStream().read();
                assertThat(contentType).as("TLS 1.%d must be refused with an alert (21), not a ServerHello (22)",
                        minor - 1).isIn(21, -1);
            }
        }
    }

    private static byte[] clientHello(int minor) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(3);
        body.write(minor);
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0);
        int[] suites = { 0xc013, 0xc014, 0x002f, 0x0035 };
        body.write(0);
        body.write(suites.length * 2);
        for (int suite : suites) {
            body.write(suite >> 8);
            body.write(suite & 0xff);
        }
        body.write(1);
        body.write(0);
        byte[] hello = body.toByteArray();
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        record.write(22);
        record.write(3);
        record.write(minor);
        int handshakeLength = hello.length + 4;
        record.write(handshakeLength >> 8);
        record.write(handshakeLength & 0xff);
        record.write(1);
        record.write(0);
        record.write(hello.length >> 8);
        record.write(hello.length & 0xff);
        record.writeBytes(hello);
        return record.toByteArray();
    }
}
