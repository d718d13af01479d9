package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over HMAC-SHA256(pepper, password). The pre-hash makes every password 44 ASCII bytes, so bcrypt's
 * 72-byte limit neither truncates long passwords nor refuses them, and a stolen database is useless without
 * the pepper. Stored values carry an algorithm id and bcrypt's own cost, so the cost can be raised later and
 * old hashes upgraded at the next login.
 */
public final class PepperedBcryptPasswordEncoder implements PasswordEncoder {

    static final String ID = "{pbcrypt}";
    private static final Pattern COST = Pattern.compile("^\\$2[abyx]?\\$(\\d{2})\\$");

    private final SecretKeySpec pepper;
    private final BCryptPasswordEncoder bcrypt;
    private final int cost;

    public PepperedBcryptPasswordEncoder(byte[] pepper, int cost) {
        if (pepper.length < 16) {
            throw new IllegalArgumentException("pepper too short");
        }
        this.pepper = new SecretKeySpec(pepper, "HmacSHA256");
        this.cost = cost;
        this.bcrypt = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, cost, new SecureRandom());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        // Spring Security 7's contract: a null password encodes to null (the pre-hash would throw).
        if (rawPassword == null) {
            return null;
        }
        return ID + bcrypt.encode(prehash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith(ID)) {
            return false;
        }
        return bcrypt.matches(prehash(rawPassword), encodedPassword.substring(ID.length()));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        if (encodedPassword == null || !encodedPassword.startsWith(ID)) {
            return true;
        }
        Matcher m = COST.matcher(encodedPassword.substring(ID.length()));
        return !m.find() || Integer.parseInt(m.group(1)) < cost;
    }

    private String prehash(CharSequence raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            byte[] digest = mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
