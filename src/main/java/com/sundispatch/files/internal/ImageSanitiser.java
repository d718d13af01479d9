package com.sundispatch.files.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.sundispatch.files.Images;
import com.sundispatch.shared.ApiException;

/**
 * The photo upload policy. The type comes from the first bytes only; the pixel count is checked from the header
 * before any pixel is decoded (a decompression bomb never allocates); markup anywhere in the file makes it a
 * polyglot and it is refused; the decoded pixels are written anew, so nothing of the original file but its
 * picture survives.
 */
@Component
class ImageSanitiser implements Images {

    private static final String[] MARKUP = { "<script", "<html", "<svg", "<!doctype", "<?php", "<iframe", "<body",
            "<?xml", "javascript:" };

    enum Kind {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    private final FilesProperties properties;

    ImageSanitiser(FilesProperties properties) {
        this.properties = properties;
    }

    @Override
    public CleanImage sanitise(InputStream upload) {
        byte[] bytes = readCapped(upload, properties.maxImageSize().toBytes());
        Kind kind = kindOf(bytes);
        if (kind == null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_image",
                    "Photos must be JPEG, PNG or WebP images.");
        }
        if (containsMarkup(bytes)) {
            throw invalid();
        }
        BufferedImage image = decode(bytes, kind);
        boolean png = kind == Kind.PNG;
        byte[] clean = encode(image, png);
        return new CleanImage(clean, png ? "image/png" : "image/jpeg", png ? "png" : "jpg", image.getWidth(),
                image.getHeight());
    }

    static Kind kindOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Kind.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Kind.PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Kind.WEBP;
        }
        return null;
    }

    /** HTML, SVG, XML or script text inside an image file: a file meant to be read as something else too. */
    static boolean containsMarkup(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : MARKUP) {
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private BufferedImage decode(byte[] bytes, Kind kind) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.format);
            if (!readers.hasNext()) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_image",
                        "Photos must be JPEG, PNG or WebP images.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > properties.maxImagePixels()) {
                    throw invalid();
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw invalid();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw invalid();
        }
    }

    private static byte[] encode(BufferedImage image, boolean png) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (png) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB) {
                // JPEG has no alpha: draw onto white so transparent areas do not turn black.
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                try {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, image.getWidth(), image.getHeight());
                    g.drawImage(image, 0, 0, null);
                } finally {
                    g.dispose();
                }
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static byte[] readCapped(InputStream in, long max) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                        "A photo may be at most " + (max / (1024 * 1024)) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("image_invalid", "The photo could not be read.");
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("image_invalid", "This file is not a usable photo.");
    }
}
