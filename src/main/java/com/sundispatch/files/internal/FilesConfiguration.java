package com.sundispatch.files.internal;

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

    FilesConfiguration(FilesProperties properties, Environment environment) {
        // The transport cap of the upload route (security module) must let a photo of the allowed size through;
        // otherwise every large-but-allowed photo would be cut off as "request too large".
        Long uploadMax = environment.getProperty("sundispatch.security.transport.upload-max-bytes", Long.class);
        long needed = properties.maxImageSize().toBytes() + MULTIPART_FRAMING_BYTES;
        if (uploadMax != null && uploadMax < needed) {
            throw new IllegalStateException("sundispatch.security.transport.upload-max-bytes (" + uploadMax
                    + ") must be at least sundispatch.files.max-image-size + 64 KiB (" + needed + ")");
        }
    }

    @Bean
    BlobStore blobStore(FilesProperties properties) {
        if (properties.s3().enabled()) {
            log.info("Blob store: S3 bucket {}{}", properties.s3().bucket(),
                    properties.s3().endpoint().isBlank() ? "" : " at " + properties.s3().endpoint());
            return new S3BlobStore(properties.s3());
        }
        log.info("Blob store: file system under {}", properties.directory().toAbsolutePath().normalize());
        return new FileSystemBlobStore(properties.directory());
    }
}
