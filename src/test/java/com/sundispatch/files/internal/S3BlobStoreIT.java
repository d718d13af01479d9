package com.sundispatch.files.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import com.sundispatch.files.BlobStore;
import com.sundispatch.files.BlobStore.StoredBlob;
import com.sundispatch.support.S3MockServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 store against a real S3-compatible server (Adobe's S3Mock, its own process on loopback): the same SDK
 * calls, HTTP requests and error answers as against AWS S3, without AWS. Not a Spring context: the store is built
 * the way {@link FilesConfiguration} builds it, with the test server's endpoint and fixed test credentials.
 */
class S3BlobStoreIT {

    private static final String BUCKET = "sundispatch-photos-test";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));

    private static S3MockServer server;
    private static S3BlobStore store;
    private static S3Client raw;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.start(BUCKET);
        FilesProperties.S3 settings = new FilesProperties.S3(BUCKET, server.endpoint().toString(), "eu-central-1");
        store = new S3BlobStore(settings, CREDENTIALS);
        raw = S3Client.builder().region(Region.EU_CENTRAL_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(server.endpoint()).forcePathStyle(true).build();
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (raw != null) {
            raw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whatIsPutComesBackWithItsBytesAndContentType() {
        String key = BlobStore.newKey("photos");
        byte[] content = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9 };

        store.put(key, content, "image/jpeg");

        Optional<StoredBlob> blob = store.get(key);
        assertThat(blob).isPresent();
        assertThat(blob.get().content()).isEqualTo(content);
        assertThat(blob.get().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theObjectLiesInTheBucketUnderTheKeyEncryptedAtRestWithItsContentType() {
        String key = BlobStore.newKey("photos");
        store.put(key, "png bytes".getBytes(StandardCharsets.US_ASCII), "image/png");

        HeadObjectResponse head = raw.headObject(b -> b.bucket(BUCKET).key(key));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.contentLength()).isEqualTo(9L);
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        // The server reports encryption only when it was asked for: an object written without it has none.
        String plain = BlobStore.newKey("photos");
        raw.putObject(b -> b.bucket(BUCKET).key(plain), RequestBody.fromString("x"));
        assertThat(raw.headObject(b -> b.bucket(BUCKET).key(plain)).serverSideEncryption()).isNull();
    }

    @Test
    void theProductionConstructorTakesCredentialsFromTheSdksDefaultChain() {
        // The first link of DefaultCredentialsProvider: JVM system properties (on AWS it would be the IAM role).
        System.setProperty("aws.accessKeyId", "chain-access-key");
        System.setProperty("aws.secretAccessKey", "chain-secret-key");
        try (S3BlobStore fromChain = new S3BlobStore(
                new FilesProperties.S3(BUCKET, server.endpoint().toString(), "eu-central-1"))) {
            String key = BlobStore.newKey("photos");
            fromChain.put(key, new byte[] { 4, 2 }, "image/jpeg");
            assertThat(fromChain.get(key).orElseThrow().content()).containsExactly(4, 2);
            fromChain.delete(key);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void aMissingKeyIsEmptyNotAnError() {
        assertThat(store.get(BlobStore.newKey("photos"))).isEmpty();
    }

    @Test
    void deleteRemovesTheObjectAndDeletingAgainIsNotAnError() {
        String key = BlobStore.newKey("photos");
        store.put(key, new byte[] { 1, 2, 3 }, "image/png");

        store.delete(key);
        store.delete(key);

        assertThat(store.get(key)).isEmpty();
        assertThatThrownBy(() -> raw.headObject(b -> b.bucket(BUCKET).key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void putOverwritesOnlyItsOwnKey() {
        String first = BlobStore.newKey("photos");
        String second = BlobStore.newKey("photos");
        store.put(first, new byte[] { 1 }, "image/png");
        store.put(second, new byte[] { 2 }, "image/png");

        store.put(first, new byte[] { 3, 3 }, "image/jpeg");

        assertThat(store.get(first).orElseThrow().content()).containsExactly(3, 3);
        assertThat(store.get(first).orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(store.get(second).orElseThrow().content()).containsExactly(2);
    }

    @Test
    void keysTheServerDidNotMakeAreRefusedBeforeAnyRequest() {
        for (String bad : new String[] { "../x", "photos/../../etc", "photos/../../etc/passwd", "/photos/"
                + "0123456789abcdef0123456789abcdef", "photos/0123456789ABCDEF0123456789ABCDEF",
                "photos/0123456789abcdef0123456789abcdef/..", "photos", "", "photos/%2e%2e" }) {
            assertThatThrownBy(() -> store.put(bad, new byte[] { 1 }, "image/png")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(raw.listObjectsV2(b -> b.bucket(BUCKET).prefix("..")).contents()).isEmpty();
    }
}
