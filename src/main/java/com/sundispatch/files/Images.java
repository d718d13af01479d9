package com.sundispatch.files;

import java.io.InputStream;

/**
 * The upload policy for photos. {@link #sanitise} reads at most the configured number of bytes, decides the type
 * by magic bytes (JPEG, PNG or WebP; never the name or the declared Content-Type), refuses polyglots and
 * images too large in pixels, and re-encodes the pixels so that no metadata (EXIF, GPS, comments) survives.
 * Refusals are {@code ApiException}s (shared): 413 {@code file_too_large}, 415
 * {@code unsupported_image}, 400 {@code image_invalid}.
 */
public interface Images {

    CleanImage sanitise(InputStream upload);

    /** A re-encoded image: {@code contentType} image/jpeg or image/png, {@code extension} jpg or png. */
    record CleanImage(byte[] content, String contentType, String extension, int width, int height) {
    }
}
