package com.sundispatch.files.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import com.sundispatch.files.BlobKeys;
import com.sundispatch.files.BlobStore;

/**
 * The production store: one object per blob in a private bucket (AWS S3, or any S3-compatible service through
 * {@code endpoint}). Credentials come from the SDK's default chain (environment, profile, web identity, the
 * instance's or task's IAM role), never from this application's own settings. Every object is written with
 * server-side encryption (SSE-S3, AES256) and its content type; keys pass {@link BlobKeys#checked} first, so only
 * names the server made ever reach the bucket. The application needs PutObject, GetObject and DeleteObject on the
 * key prefix and nothing else (deploy/s3-iam-policy.json).
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final String FALLBACK_TYPE = "application/octet-stream";

    private final S3Client client;
    private final String bucket;

    S3BlobStore(FilesProperties.S3 settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    /** With explicit credentials: the loopback test server's; production takes the default chain above. */
    S3BlobStore(FilesProperties.S3 settings, AwsCredentialsProvider credentials) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("sundispatch.files.s3.bucket is not set");
        }
        this.bucket = settings.bucket().trim();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                // Bounded waits: a slow or unreachable store fails the request instead of holding a worker thread.
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .maxConnections(50))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60))
                        .apiCallAttemptTimeout(Duration.ofSeconds(30)));
        String endpoint = settings.endpoint() == null ? "" : settings.endpoint().trim();
        if (!endpoint.isEmpty()) {
            // S3-compatible services (MinIO, Ceph, S3Mock, ...) address buckets by path, not by host name, and
            // many do not understand the flexible checksums the SDK adds by default since 2.30: only where the
            // operation requires one. On AWS itself (no endpoint) the SDK's defaults stay.
            builder.endpointOverride(URI.create(endpoint))
                    .forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.client = builder.build();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        String checked = BlobKeys.checked(key);
        client.putObject(b -> b.bucket(bucket).key(checked)
                .contentType(contentType == null || contentType.isBlank() ? FALLBACK_TYPE : contentType)
                .contentLength((long) content.length)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredBlob> get(String key) {
        String checked = BlobKeys.checked(key);
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(checked));
            String type = bytes.response().contentType();
            return Optional.of(new StoredBlob(bytes.asByteArray(), type == null || type.isBlank() ? FALLBACK_TYPE
                    : type));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        String checked = BlobKeys.checked(key);
        // S3 answers 204 for a key that is not there: deleting twice is not an error.
        client.deleteObject(b -> b.bucket(bucket).key(checked));
    }

    @Override
    public void close() {
        client.close();
    }
}
