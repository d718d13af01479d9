package com.sundispatch.files.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sundispatch.files.*}: where blobs live and the limits of image uploads. {@code s3.bucket} set: the S3
 * store; otherwise the file system under {@code directory}.
 *
 * @param maxConcurrentDecodes images decoded at once in this instance; a decoded photo of {@code maxImagePixels}
 *        takes up to 4 bytes a pixel of heap, so this bounds the memory uploads can claim together. Uploads beyond
 *        it wait up to 10 s, then get 503 {@code server_busy}.
 * @param maxDecodeMemory the heap one decode may claim, estimated from the header before any pixel is decoded
 *        (pixels times bytes per pixel of the decoder's raster, plus the copy for JPEG output): a 16-bit RGBA PNG
 *        is far larger decoded than its pixel count suggests. Beyond it: 400 {@code image_invalid}.
 * @param maxConcurrentUploads uploads read into memory at once in this instance (each up to
 *        {@code maxImageSize}); more wait up to 10 s, then get 503 {@code server_busy}. With the decode limits
 *        this bounds the heap uploads can take: {@code maxConcurrentUploads x 2 x maxImageSize +
 *        maxConcurrentDecodes x maxDecodeMemory}.
 */
@ConfigurationProperties("sundispatch.files")
public record FilesProperties(
        @DefaultValue("./data/blobs") Path directory,
        @DefaultValue("10MB") DataSize maxImageSize,
        @DefaultValue("40000000") long maxImagePixels,
        @DefaultValue S3 s3,
        @DefaultValue("2") int maxConcurrentDecodes,
        @DefaultValue("128MB") DataSize maxDecodeMemory,
        @DefaultValue("4") int maxConcurrentUploads) {

    @ConstructorBinding
    public FilesProperties {
        if (maxImageSize.toBytes() < 1024 || maxImagePixels < 1) {
            throw new IllegalArgumentException("files: max-image-size >= 1KB and max-image-pixels >= 1");
        }
        if (maxConcurrentDecodes < 1 || maxConcurrentUploads < 1 || maxDecodeMemory.toBytes() < 65536) {
            throw new IllegalArgumentException("files: max-concurrent-decodes, max-concurrent-uploads >= 1, "
                    + "max-decode-memory >= 64KB");
        }
    }

    /** The settings with the default limits of concurrent decodes, decode memory and uploads. */
    public FilesProperties(Path directory, DataSize maxImageSize, long maxImagePixels, S3 s3) {
        this(directory, maxImageSize, maxImagePixels, s3, 2, DataSize.ofMegabytes(128), 4);
    }

    /** Empty {@code endpoint}: AWS itself; set it for any S3-compatible service (path-style access). */
    public record S3(@DefaultValue("") String bucket, @DefaultValue("") String endpoint,
            @DefaultValue("eu-central-1") String region) {

        public boolean enabled() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
