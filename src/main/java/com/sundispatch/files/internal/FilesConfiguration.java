package com.sundispatch.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.sundispatch.files.BlobStore;

/**
 * The blob store: S3 when {@code sundispatch.files.s3.bucket} is set ({@code SUNDISPATCH_S3_BUCKET}), else the
 * file system under {@code sundispatch.files.directory} (development; the Kubernetes manifests keep a read-only
 * root file system, so production sets the bucket).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

    /** Room for the multipart framing (boundaries, part headers) around one photo in an upload request. */
    static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

    @Bean
    BlobStore blobStore(FilesProperties properties, Environment environment) {
        checkUploadCap(properties, environment);
        if (properties.s3().enabled()) {
            log.info("Blob store: S3 bucket {}{}", properties.s3().bucket(),
                    properties.s3().endpoint().isBlank() ? "" : " at " + properties.s3().endpoint());
            return new S3BlobStore(properties.s3());
        }
        Path directory = properties.directory().toAbsolutePath().normalize();
        checkWritable(directory);
        log.info("Blob store: file system under {}", directory);
        return new FileSystemBlobStore(properties.directory());
    }

    /**
     * Fails at start-up rather than at the first photo: on a read-only root file system (the Kubernetes manifests)
     * without a bucket, every upload would otherwise end in an error.
     */
    static void checkWritable(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Photos cannot be stored: " + directory + " cannot be created. Set "
                    + "SUNDISPATCH_S3_BUCKET (production) or a writable SUNDISPATCH_FILES_DIRECTORY.", e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException("Photos cannot be stored: " + directory + " is not writable. Set "
                    + "SUNDISPATCH_S3_BUCKET (production) or a writable SUNDISPATCH_FILES_DIRECTORY.");
        }
    }

    /**
     * The transport cap of the upload route (security module) must let a photo of the allowed size through;
     * otherwise every large-but-allowed photo would be cut off as too large before the image policy saw it.
     */
    static void checkUploadCap(FilesProperties properties, Environment environment) {
        Long uploadMax = environment.getProperty("sundispatch.security.transport.upload-max-bytes", Long.class);
        long needed = properties.maxImageSize().toBytes() + MULTIPART_FRAMING_BYTES;
        if (uploadMax != null && uploadMax < needed) {
            throw new IllegalStateException("sundispatch.security.transport.upload-max-bytes (" + uploadMax
                    + ") must be at least sundispatch.files.max-image-size + 64 KiB (" + needed + ")");
        }
    }
}
