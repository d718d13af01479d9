package com.sundispatch.files.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sundispatch.files.*}: where blobs live and the limits of image uploads. {@code s3.bucket} set: the S3
 * store; otherwise the file system under {@code directory}.
 */
@ConfigurationProperties("sundispatch.files")
public record FilesProperties(
        @DefaultValue("./data/blobs") Path directory,
        @DefaultValue("10MB") DataSize maxImageSize,
        @DefaultValue("40000000") long maxImagePixels,
        @DefaultValue S3 s3) {

    public FilesProperties {
        if (maxImageSize.toBytes() < 1024 || maxImagePixels < 1) {
            throw new IllegalArgumentException("files: max-image-size >= 1KB and max-image-pixels >= 1");
        }
    }

    /** Empty {@code endpoint}: AWS itself; set it for any S3-compatible service (path-style access). */
    public record S3(@DefaultValue("") String bucket, @DefaultValue("") String endpoint,
            @DefaultValue("eu-central-1") String region) {

        public boolean enabled() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
