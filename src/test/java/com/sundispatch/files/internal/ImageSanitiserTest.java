package com.sundispatch.files.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sundispatch.files.Images.CleanImage;
import com.sundispatch.shared.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The photo policy on images made here with ImageIO (and two WebP files of a few dozen bytes, inline). */
class ImageSanitiserTest {

    /** An 8x6 lossy WebP and the same picture lossless, made with cwebp (libwebp 1.2.4) from a generated PNG. */
    private static final byte[] LOSSY_WEBP = HexFormat.of().parseHex("5249464654000000574542505650382048000000f0010"
            + "09d012a0800060001402625b002744c8001a73bbf2c00fefaa114373f10e7618dbffb1dd69d476111b6d3cc7fe4097c11b2ffa8"
            + "f85cb9bfd1e7e107ff3bffd8a5d99e000000");
    private static final byte[] LOSSLESS_WEBP = HexFormat.of().parseHex("524946462a000000574542505650384c1e0000002"
            + "f07400100998ce87f6c22a2ff012101618eff1b250bc663006302905a36");

    private final ImageSanitiser sanitiser = new ImageSanitiser(properties(DataSize.ofMegabytes(10)));

    private static FilesProperties properties(DataSize maxSize) {
        return new FilesProperties(Path.of("unused"), maxSize, 40_000_000L,
                new FilesProperties.S3("", "", "eu-central-1"));
    }

    // --- accepted, and re-encoded ---

    @Test
    void aJpegIsAcceptedAndReEncodedAsJpegOfTheSameSize() {
        byte[] jpeg = jpeg(64, 48);

        CleanImage clean = sanitiser.sanitise(in(jpeg));

        assertThat(clean.contentType()).isEqualTo("image/jpeg");
        assertThat(clean.extension()).isEqualTo("jpg");
        assertThat(clean.width()).isEqualTo(64);
        assertThat(clean.height()).isEqualTo(48);
        assertThat(ImageSanitiser.kindOf(clean.content())).isEqualTo(ImageSanitiser.Kind.JPEG);
        assertThat(clean.content()).isNotEqualTo(jpeg);
    }

    @Test
    void exifWithGpsIsGoneAfterReEncoding() {
        byte[] jpeg = withExif(jpeg(64, 48), "GPSLatitude=52.5200N GPSLongitude=13.4050E");
        assertThat(contains(jpeg, "GPSLatitude")).isTrue();
        assertThat(segmentMarkers(jpeg)).contains(0xE1);

        CleanImage clean = sanitiser.sanitise(in(jpeg));

        assertThat(segmentMarkers(clean.content())).doesNotContain(0xE1);
        assertThat(contains(clean.content(), "Exif")).isFalse();
        assertThat(contains(clean.content(), "GPSLatitude")).isFalse();
        assertThat(clean.width()).isEqualTo(64);
    }

    @Test
    void aPngIsAcceptedAsPngWhateverNameItCameWithAndItsTextChunksAreDropped() {
        // The policy never sees a file name or a declared type: a PNG uploaded as "roof.jpg" is a PNG.
        byte[] png = withChunkBeforeIend(png(40, 30, false), "tEXt", "Comment\0taken at 52.52N 13.40E");

        CleanImage clean = sanitiser.sanitise(in(png));

        assertThat(clean.contentType()).isEqualTo("image/png");
        assertThat(clean.extension()).isEqualTo("png");
        assertThat(clean.width()).isEqualTo(40);
        assertThat(clean.height()).isEqualTo(30);
        assertThat(ImageSanitiser.kindOf(clean.content())).isEqualTo(ImageSanitiser.Kind.PNG);
        assertThat(contains(clean.content(), "52.52N")).isFalse();
    }

    @Test
    void aPngWithTransparencyStaysAPngWithTransparency() throws IOException {
        CleanImage clean = sanitiser.sanitise(in(png(20, 20, true)));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.content()));
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void lossyAndLosslessWebpAreAcceptedAndBecomeJpeg() {
        for (byte[] webp : new byte[][] { LOSSY_WEBP, LOSSLESS_WEBP }) {
            CleanImage clean = sanitiser.sanitise(in(webp));

            assertThat(clean.contentType()).isEqualTo("image/jpeg");
            assertThat(clean.extension()).isEqualTo("jpg");
            assertThat(clean.width()).isEqualTo(8);
            assertThat(clean.height()).isEqualTo(6);
            assertThat(ImageSanitiser.kindOf(clean.content())).isEqualTo(ImageSanitiser.Kind.JPEG);
        }
    }

    // --- not an image of ours: 415 ---

    @Test
    void svgHtmlTextGifAndEmptyAreUnsupportedWhateverTheyClaim() throws IOException {
        String[] texts = { "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
                "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
                "just some text, saved as photo.jpg", "" };
        for (String text : texts) {
            assertRefused(text.getBytes(StandardCharsets.UTF_8), 415, "unsupported_image");
        }
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", gif);
        assertRefused(gif.toByteArray(), 415, "unsupported_image");
        // JPEG magic bytes need all three: FF D8 FF.
        assertRefused(new byte[] { (byte) 0xFF, (byte) 0xD8, 0x00, 0x01 }, 415, "unsupported_image");
    }

    // --- polyglots: 400 ---

    @Test
    void aJpegWithHtmlOrScriptAppendedIsRefused() {
        for (String tail : new String[] { "<script>alert(document.cookie)</script>", "<html><body>hi</body></html>",
                "<SVG onload=alert(1)>", "<?php system($_GET['c']); ?>", "<iframe src=//evil>",
                "javascript:alert(1)" }) {
            assertRefused(concat(jpeg(32, 32), tail.getBytes(StandardCharsets.US_ASCII)), 400, "image_invalid");
        }
    }

    @Test
    void aJpegWithMarkupInsideACommentOrExifSegmentIsRefused() {
        assertRefused(withSegment(jpeg(32, 32), 0xFE, "<html><script>alert(1)</script></html>"), 400,
                "image_invalid");
        assertRefused(withExif(jpeg(32, 32), "<body onload=alert(1)>"), 400, "image_invalid");
    }

    @Test
    void aJpegWithAnArchiveOrDocumentAfterItIsRefused() {
        byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
        assertRefused(concat(jpeg(32, 32), zip), 400, "image_invalid");
        assertRefused(concat(jpeg(32, 32), "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)), 400, "image_invalid");
    }

    @Test
    void aPngWithMarkupInATextChunkIsRefused() {
        assertRefused(withChunkBeforeIend(png(16, 16, false), "tEXt", "Comment\0<script>alert(1)</script>"), 400,
                "image_invalid");
    }

    @Test
    void aPngWithAnythingAfterIendIsRefused() {
        assertRefused(concat(png(16, 16, false), new byte[] { 0, 0, 0, 0 }), 400, "image_invalid");
        assertRefused(concat(png(16, 16, false), "<html>".getBytes(StandardCharsets.US_ASCII)), 400, "image_invalid");
    }

    @Test
    void aWebpWithDataAfterItsRiffChunkIsRefused() {
        assertRefused(concat(LOSSY_WEBP, "<script>x</script>".getBytes(StandardCharsets.US_ASCII)), 400,
                "image_invalid");
        assertRefused(concat(LOSSLESS_WEBP, new byte[] { 0, 0 }), 400, "image_invalid");
    }

    // --- size and pixel caps ---

    @Test
    void moreBytesThanTheCapAre413AndTheRestIsNeverRead() {
        ImageSanitiser small = new ImageSanitiser(properties(DataSize.ofKilobytes(64)));
        CountingEndlessJpeg endless = new CountingEndlessJpeg();

        assertThatThrownBy(() -> small.sanitise(endless)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(413);
            assertThat(e.code()).isEqualTo("file_too_large");
        });
        assertThat(endless.read).isEqualTo(64 * 1024 + 1);
        assertThat(small.sanitise(in(jpeg(16, 16))).width()).isEqualTo(16);
    }

    /**
     * The headers say 50000 x 50000 (2.5 billion pixels, about 7.5 GB decoded). The test JVM's heap is far
     * smaller, so had the decoder been asked to allocate the image this would end in an OutOfMemoryError, not a 400.
     */
    @Test
    void aPixelBombIsRefusedFromItsHeaderWithoutDecoding() {
        assertRefused(withPngSize(png(16, 16, false), 50_000, 50_000), 400, "image_invalid");
        assertRefused(withJpegSize(jpeg(16, 16), 50_000, 50_000), 400, "image_invalid");
        ImageSanitiser strict = new ImageSanitiser(new FilesProperties(Path.of("unused"), DataSize.ofMegabytes(10),
                100, new FilesProperties.S3("", "", "eu-central-1")));
        assertThatThrownBy(() -> strict.sanitise(in(png(11, 10, false)))).isInstanceOf(ApiException.class);
        assertThat(strict.sanitise(in(png(10, 10, false))).width()).isEqualTo(10);
    }

    // --- broken files: 400 ---

    @Test
    void truncatedCorruptOrGarbageImagesAre400() {
        byte[] jpeg = jpeg(64, 48);
        byte[] png = png(64, 48, false);
        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), 400, "image_invalid");
        assertRefused(Arrays.copyOf(jpeg, jpeg.length - 2), 400, "image_invalid");
        assertRefused(Arrays.copyOf(png, png.length / 2), 400, "image_invalid");
        assertRefused(Arrays.copyOf(png, png.length - 1), 400, "image_invalid");
        assertRefused(Arrays.copyOf(LOSSY_WEBP, LOSSY_WEBP.length - 4), 400, "image_invalid");
        byte[] flipped = png.clone();
        flipped[png.length / 2] ^= 0x55;
        assertRefused(flipped, 400, "image_invalid");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertRefused(garbage, 400, "image_invalid");
        byte[] pngGarbage = concat(Arrays.copyOf(png, 8), Arrays.copyOf(garbage, 100));
        assertRefused(pngGarbage, 400, "image_invalid");
        byte[] riffGarbage = concat("RIFF\u0010\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] { 1, 2, 3, 4 });
        assertRefused(riffGarbage, 400, "image_invalid");
    }

    @Test
    void compressedPixelDataDoesNotLookLikeMarkupByChance() {
        // A noisy 1000x1000 photo-like JPEG (about half a megabyte of entropy-coded data) must pass the scan.
        BufferedImage image = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1000; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        byte[] noisy = write(image, "jpeg");
        assertThat(ImageSanitiser.containsMarkup(noisy)).isFalse();
        assertThat(sanitiser.sanitise(in(noisy)).width()).isEqualTo(1000);
    }

    // --- helpers ---

    private void assertRefused(byte[] bytes, int status, String code) {
        assertThatThrownBy(() -> sanitiser.sanitise(in(bytes))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            if (!alpha) {
                g.setColor(new Color(30, 110, 200));
                g.fillRect(0, 0, width, height);
            }
            g.setColor(new Color(250, 200, 40));
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] jpeg(int width, int height) {
        return write(picture(width, height, false), "jpeg");
    }

    @Test
    void aSixteenBitPngIsJudgedByTheMemoryItsDecodeTakesNotByItsPixelCount() {
        ImageSanitiser tight = new ImageSanitiser(new FilesProperties(Path.of("unused"), DataSize.ofMegabytes(10),
                40_000_000L, new FilesProperties.S3("", "", "eu-central-1"), 2, DataSize.ofKilobytes(512), 4));
        // 300 x 300: 270 KB decoded as 8-bit RGB, 720 KB as 16-bit RGBA (4 bands of 2 bytes).
        assertThat(tight.sanitise(new ByteArrayInputStream(png(300, 300, false))).width()).isEqualTo(300);
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        BufferedImage deep = new BufferedImage(model, model.createCompatibleWritableRaster(300, 300), false, null);
        byte[] sixteenBit = write(deep, "png");
        assertThatThrownBy(() -> tight.sanitise(new ByteArrayInputStream(sixteenBit)))
                .isInstanceOf(ApiException.class).hasFieldOrPropertyWithValue("code", "image_invalid");
        assertThat(sanitiser.sanitise(new ByteArrayInputStream(sixteenBit)).contentType()).isEqualTo("image/png");
    }

    private static byte[] png(int width, int height, boolean alpha) {
        return write(picture(width, height, alpha), "png");
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An APP1 "Exif" segment (a big-endian TIFF header, then the text) right after SOI, as cameras write it. */
    private static byte[] withExif(byte[] jpeg, String text) {
        byte[] tiff = concat(new byte[] { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8 },
                text.getBytes(StandardCharsets.US_ASCII));
        return insertSegment(jpeg, 0xE1, tiff);
    }

    private static byte[] withSegment(byte[] jpeg, int marker, String text) {
        return insertSegment(jpeg, marker, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] segment = concat(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length },
                payload);
        return concat(concat(Arrays.copyOf(jpeg, 2), segment), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** The markers of the segments before the first scan. */
    private static java.util.List<Integer> segmentMarkers(byte[] jpeg) {
        java.util.List<Integer> markers = new java.util.ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
        }
        return markers;
    }

    private static byte[] withJpegSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int i = 2;
        while (true) {
            int marker = copy[i + 1] & 0xff;
            int length = (copy[i + 2] & 0xff) << 8 | (copy[i + 3] & 0xff);
            if (marker == 0xC0 || marker == 0xC2) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
            i += 2 + length;
        }
    }

    /** The IHDR rewritten to another size, with its CRC made right again (the pixel data stays as it was). */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return copy;
    }

    private static byte[] withChunkBeforeIend(byte[] png, String type, String text) {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        chunk.put(type.getBytes(StandardCharsets.US_ASCII));
        chunk.put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        return concat(concat(Arrays.copyOf(png, iend), chunk.array()), Arrays.copyOfRange(png, iend, png.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** A JPEG start followed by zeros without end, counting what the sanitiser reads. */
    private static final class CountingEndlessJpeg extends InputStream {

        private static final byte[] START = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
        long read;

        @Override
        public int read() {
            return read < START.length ? START[(int) read++] & 0xff : zero();
        }

        private int zero() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int k = 0; k < len; k++) {
                b[off + k] = (byte) read();
            }
            return len;
        }
    }
}
