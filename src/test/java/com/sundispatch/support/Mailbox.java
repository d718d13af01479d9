package com.sundispatch.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server (GreenMail) for the whole test JVM; tests read the links the server mailed. */
public final class Mailbox {

    private static GreenMail greenMail;

    private Mailbox() {
    }

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
        }
        return greenMail;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The newest mail to this address whose subject contains the text, waiting up to 20 s (a loaded CI machine). */
    public static MimeMessage await(String to, String subjectContains) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<MimeMessage> found = find(to, subjectContains);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No mail to " + to + " about '" + subjectContains + "'");
    }

    public static long count(String to, String subjectContains) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> matches(m, to, subjectContains)).count();
    }

    private static Optional<MimeMessage> find(String to, String subjectContains) {
        MimeMessage[] all = server().getReceivedMessages();
        for (int i = all.length - 1; i >= 0; i--) {
            if (matches(all[i], to, subjectContains)) {
                return Optional.of(all[i]);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(MimeMessage m, String to, String subjectContains) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
                    && m.getSubject().contains(subjectContains);
        } catch (Exception e) {
            return false;
        }
    }

    /** The token in a mailed link ({@code ...#token=...}). */
    public static String token(MimeMessage mail) {
        Matcher m = Pattern.compile("#token=([A-Za-z0-9_\\-]+)").matcher(body(mail));
        if (!m.find()) {
            throw new AssertionError("No link in mail");
        }
        return m.group(1);
    }

    /** The plain-text part, decoded (the whole body of a mail that has only one). */
    public static String body(MimeMessage mail) {
        return part(mail, "text/plain").orElseGet(() -> GreenMailUtil.getBody(mail));
    }

    /** An attached file of the mail: its name and bytes. */
    public record Attachment(String filename, byte[] bytes) {
    }

    /** The first attachment of the mail, if it has one. */
    public static Optional<Attachment> attachment(Part part) {
        try {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.of(new Attachment(part.getFileName(), part.getInputStream().readAllBytes()));
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<Attachment> found = attachment(multipart.getBodyPart(i));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    /** The HTML part, decoded. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html").orElseThrow(() -> new AssertionError("No HTML part in mail"));
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of((String) part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = part(multipart.getBodyPart(i), type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }
}
