package com.sundispatch.security.internal;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * Passes a request body through unchanged while checking that it is well-formed UTF-8 (RFC 3629): no stray
 * continuation bytes, no overlong forms (C0 AF for '/'), no encoded surrogates (ED A0 80), nothing above U+10FFFF,
 * no sequence cut off at the end. Jackson's own decoder is lenient about several of these, so "a/b" could arrive
 * as bytes that no text filter would recognise.
 */
final class Utf8ValidatingInputStream extends ServletInputStream {

    /** Thrown on the first byte that breaks UTF-8; it surfaces as an unreadable body (400 malformed_json). */
    static final class MalformedUtf8Exception extends IOException {
        MalformedUtf8Exception() {
            super("Request body is not valid UTF-8");
        }
    }

    private final ServletInputStream delegate;
    /** Continuation bytes still expected for the current character. */
    private int pending;
    /** The allowed range of the next continuation byte (narrower right after some lead bytes). */
    private int low = 0x80;
    private int high = 0xBF;

    Utf8ValidatingInputStream(ServletInputStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public int read() throws IOException {
        int b = delegate.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = delegate.read(buf, off, len);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xFF);
        }
        return n;
    }

    private void end() throws MalformedUtf8Exception {
        if (pending != 0) {
            throw new MalformedUtf8Exception();
        }
    }

    private void check(int b) throws MalformedUtf8Exception {
        if (pending > 0) {
            if (b < low || b > high) {
                throw new MalformedUtf8Exception();
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b <= 0x7F) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b == 0xE0) {
            pending = 2;
            low = 0xA0;
        } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
            pending = 2;
        } else if (b == 0xED) {
            pending = 2;
            high = 0x9F;
        } else if (b == 0xF0) {
            pending = 3;
            low = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            pending = 3;
        } else if (b == 0xF4) {
            pending = 3;
            high = 0x8F;
        } else {
            throw new MalformedUtf8Exception();
        }
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
