package com.sundispatch.files.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.sundispatch.files.Images;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

/**
 * The photo upload policy, in the order it is applied:
 * <ol>
 * <li>at most {@code max-image-size} bytes are read (413 {@code file_too_large});</li>
 * <li>the type comes from the first bytes only: JPEG, PNG or WebP (415 {@code unsupported_image} for anything
 * else: SVG, HTML, text, GIF...);</li>
 * <li>the container is walked before any decoder sees it: a JPEG must run from SOI through its segments and scans
 * to EOI, a PNG from IHDR to IEND with every chunk's CRC right and nothing after IEND, a WebP must be exactly its
 * RIFF chunk. Truncated or corrupt files, and files with another format's signature (archive, PDF) after the
 * image, are 400 {@code image_invalid};</li>
 * <li>markup (HTML, SVG, script, PHP) anywhere in the bytes makes the file a polyglot: 400 {@code image_invalid}.
 * Tags count only when followed by a delimiter, so compressed pixel data practically never matches by chance;</li>
 * <li>the pixel count is checked from the header before any pixel is decoded (a decompression bomb never
 * allocates): 400 {@code image_invalid};</li>
 * <li>the pixels are decoded (at most {@code max-concurrent-decodes} at once; 503 {@code server_busy} after a
 * wait) and written anew: JPEG stays JPEG, PNG stays PNG, WebP becomes JPEG. No metadata (EXIF, GPS, XMP,
 * comments, ICC, text chunks) and nothing after the image survives.</li>
 * </ol>
 * Nothing touches the disk: ImageIO's file cache is bypassed with in-memory streams.
 */
@Component
class ImageSanitiser implements Images {

    /** Tags (after '<', lower case) that make a file markup when followed by a delimiter. */
    private static final String[] TAGS = { "script", "html", "svg", "body", "iframe", "!doctype", "?php", "img",
            "object", "embed", "meta", "link", "style", "head", "form" };
    private static final byte[] JAVASCRIPT = "javascript:".getBytes(StandardCharsets.US_ASCII);
    /** Signatures of other formats that must not follow an image (a JAR/ZIP, PDF, RAR, 7z or ELF polyglot). */
    private static final byte[][] FOREIGN = { { 'P', 'K', 3, 4 }, { '%', 'P', 'D', 'F', '-' },
            { 'R', 'a', 'r', '!', 0x1A }, { '7', 'z', (byte) 0xBC, (byte) 0xAF }, { 0x7F, 'E', 'L', 'F' } };
    /** More scans than any real progressive JPEG has; thousands of tiny scans are a CPU bomb. */
    private static final int MAX_JPEG_SCANS = 100;

    enum Kind {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    /** What the container walk learned: the declared size (0 when only the decoder can tell). */
    record Header(long width, long height) {
    }

    private final FilesProperties properties;
    private final Semaphore decodes;
    private final Semaphore uploads;

    ImageSanitiser(FilesProperties properties) {
        this.properties = properties;
        this.decodes = new Semaphore(properties.maxConcurrentDecodes(), true);
        this.uploads = new Semaphore(properties.maxConcurrentUploads(), true);
        // ImageIO registers plug-ins (the WebP reader) from the class loader that first touches it; in the
        // packaged application that may not be the one that holds them.
        ImageIO.scanForPlugins();
    }

    @Override
    public CleanImage sanitise(InputStream upload) {
        // Every upload in here holds up to twice its size in heap: only a few at a time per instance.
        acquire(uploads, 1, "Too many photos are being uploaded right now. Try again in a moment.");
        try {
            return sanitiseHeld(upload);
        } finally {
            uploads.release();
        }
    }

    private CleanImage sanitiseHeld(InputStream upload) {
        byte[] bytes = readCapped(upload, properties.maxImageSize().toBytes());
        Kind kind = kindOf(bytes);
        if (kind == null) {
            throw unsupported();
        }
        Header header = switch (kind) {
            case JPEG -> jpegHeader(bytes);
            case PNG -> pngHeader(bytes);
            case WEBP -> webpHeader(bytes);
        };
        if (containsMarkup(bytes)) {
            throw invalid();
        }
        checkPixels(header.width(), header.height());
        BufferedImage image = decodeBounded(bytes, kind);
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

    /**
     * Walks SOI, the marker segments, the entropy-coded scans and EOI; the frame header (SOF) gives the size. What
     * follows EOI (camera trailers, motion-photo videos) is dropped by the re-encoding, but may not be an archive
     * or a document.
     */
    static Header jpegHeader(byte[] b) {
        int n = b.length;
        int i = 2;
        long width = 0;
        long height = 0;
        int scans = 0;
        while (true) {
            if (i >= n || (b[i] & 0xff) != 0xFF) {
                throw invalid();
            }
            while (i < n && (b[i] & 0xff) == 0xFF) {
                i++;
            }
            if (i >= n) {
                throw invalid();
            }
            int marker = b[i++] & 0xff;
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0x00 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                // Stuffing, a second SOI or a restart marker outside a scan: not a well-formed JPEG.
                throw invalid();
            }
            if (i + 2 > n) {
                throw invalid();
            }
            int length = u16(b, i);
            if (length < 2 || i + length > n) {
                throw invalid();
            }
            if (isStartOfFrame(marker)) {
                if (length < 8 || width > 0) {
                    throw invalid();
                }
                height = u16(b, i + 3);
                width = u16(b, i + 5);
            }
            i += length;
            if (marker == 0xDA) {
                if (width == 0 || ++scans > MAX_JPEG_SCANS) {
                    throw invalid();
                }
                i = endOfScan(b, i);
            }
        }
        if (width <= 0 || height <= 0 || scans == 0) {
            throw invalid();
        }
        if (hasForeignSignature(b, i)) {
            throw invalid();
        }
        return new Header(width, height);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The index of the marker that ends the entropy-coded data starting at {@code i} (stuffed FF00 and RSTn skipped). */
    private static int endOfScan(byte[] b, int i) {
        int n = b.length;
        while (i + 1 < n) {
            if ((b[i] & 0xff) == 0xFF) {
                int next = b[i + 1] & 0xff;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    i += 2;
                    continue;
                }
                if (next != 0xFF) {
                    return i;
                }
            }
            i++;
        }
        // The data ran out inside a scan: a truncated file (the decoder would paint the rest grey and say nothing).
        throw invalid();
    }

    /** IHDR first, every chunk whole with its CRC right, IEND last and nothing after it. */
    static Header pngHeader(byte[] b) {
        int n = b.length;
        int i = 8;
        long width = 0;
        long height = 0;
        boolean first = true;
        boolean data = false;
        CRC32 crc = new CRC32();
        while (true) {
            if (i + 12 > n) {
                throw invalid();
            }
            long length = u32(b, i);
            if (length > n - i - 12L) {
                throw invalid();
            }
            int len = (int) length;
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            for (int k = 0; k < 4; k++) {
                char c = type.charAt(k);
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                    throw invalid();
                }
            }
            crc.reset();
            crc.update(b, i + 4, 4 + len);
            if (crc.getValue() != u32(b, i + 8 + len)) {
                throw invalid();
            }
            if (first) {
                if (!"IHDR".equals(type) || len != 13) {
                    throw invalid();
                }
                width = u32(b, i + 8);
                height = u32(b, i + 12);
                first = false;
            }
            data |= "IDAT".equals(type);
            i += 12 + len;
            if ("IEND".equals(type)) {
                break;
            }
        }
        if (i != n || !data || width <= 0 || height <= 0) {
            // Anything after IEND is another file riding along.
            throw invalid();
        }
        return new Header(width, height);
    }

    /** The RIFF chunk must be the whole file: nothing appended, nothing missing. The decoder reads the size. */
    static Header webpHeader(byte[] b) {
        long riffSize = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
        if (riffSize + 8 != b.length || riffSize < 12) {
            throw invalid();
        }
        return new Header(0, 0);
    }

    /** HTML, SVG, XML, PHP or script text inside an image file: a file meant to be read as something else too. */
    static boolean containsMarkup(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (c == '<') {
                for (String tag : TAGS) {
                    int end = i + 1 + tag.length();
                    if (matchesIgnoreCase(b, i + 1, tag) && (end >= b.length || isDelimiter(b[end]))) {
                        return true;
                    }
                }
            } else if ((c | 0x20) == 'j' && matchesIgnoreCase(b, i, JAVASCRIPT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesIgnoreCase(byte[] b, int at, String lowerAscii) {
        return matchesIgnoreCase(b, at, lowerAscii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean matchesIgnoreCase(byte[] b, int at, byte[] lower) {
        if (at + lower.length > b.length) {
            return false;
        }
        for (int k = 0; k < lower.length; k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') {
                c |= 0x20;
            }
            if (c != lower[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDelimiter(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
    }

    private static boolean hasForeignSignature(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            for (byte[] signature : FOREIGN) {
                if (b[i] == signature[0] && i + signature.length <= b.length) {
                    boolean match = true;
                    for (int k = 1; k < signature.length && match; k++) {
                        match = b[i + k] == signature[k];
                    }
                    if (match) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void checkPixels(long width, long height) {
        if (width < 0 || height < 0 || width * height > properties.maxImagePixels()) {
            throw invalid();
        }
    }

    private BufferedImage decodeBounded(byte[] bytes, Kind kind) {
        acquire(decodes, 1, "Too many photos are being processed right now. Try again in a moment.");
        try {
            return decode(bytes, kind);
        } finally {
            decodes.release();
        }
    }

    private static void acquire(Semaphore semaphore, int permits, String busy) {
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(permits, 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVER_BUSY, busy, List.of(),
                    Map.of(HttpHeaders.RETRY_AFTER, "2"));
        }
    }

    /**
     * The heap a decode of this image claims, from the decoder's own description of its raster: every band's
     * samples (16-bit PNGs take twice the bytes of 8-bit ones), plus an RGB copy when a JPEG is written from
     * anything but plain RGB or grey. Unknown: the worst case, 8 bytes a pixel and the copy.
     */
    static long decodeBytes(ImageReader reader, long pixels, boolean jpegOutput) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return pixels * (8 + (jpegOutput ? 4 : 0));
        }
        SampleModel model = type.getSampleModel(1, 1);
        long perPixel = model instanceof SinglePixelPackedSampleModel
                ? DataBuffer.getDataTypeSize(model.getDataType()) / 8
                : (long) model.getNumBands() * DataBuffer.getDataTypeSize(model.getDataType()) / 8;
        boolean plain = model.getNumBands() <= 3 && model.getDataType() == DataBuffer.TYPE_BYTE;
        return pixels * Math.max(1, perPixel) + (jpegOutput && !plain ? pixels * 4 : 0);
    }

    private BufferedImage decode(byte[] bytes, Kind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.format);
        if (!readers.hasNext()) {
            throw unsupported();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            // The decoder's own reading of the header, before it allocates a single pixel.
            if (width <= 0 || height <= 0) {
                throw invalid();
            }
            checkPixels(width, height);
            if (decodeBytes(reader, width * height, kind != Kind.PNG) > properties.maxDecodeMemory().toBytes()) {
                throw invalid();
            }
            BufferedImage image = reader.read(0);
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                throw invalid();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw invalid();
        } finally {
            reader.dispose();
        }
    }

    private static byte[] encode(BufferedImage image, boolean png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            if (png) {
                writer.write(null, new IIOImage(image, null, null), null);
            } else {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
                writer.write(null, new IIOImage(opaque(image), null, null), param);
            }
        } catch (IOException | RuntimeException e) {
            throw invalid();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** JPEG has no alpha: anything but plain RGB or grey is drawn onto white, so transparent areas do not turn black. */
    private static BufferedImage opaque(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static byte[] readCapped(InputStream in, long max) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.FILE_TOO_LARGE,
                        "A photo may be at most " + (max / (1024 * 1024)) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("image_invalid", "The photo could not be read.");
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
    }

    private static ApiException unsupported() {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_image",
                "Photos must be JPEG, PNG or WebP images.");
    }

    private static ApiException invalid() {
        return ApiException.badRequest("image_invalid", "This file is not a usable photo.");
    }
}
