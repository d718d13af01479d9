package com.sundispatch.notifications.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.sundispatch.billing.Invoicing;

/**
 * Sends over SMTP when Spring Mail is configured ({@code SPRING_MAIL_HOST}); otherwise writes one {@code .eml}
 * file per mail into the outbox folder so development works without a mail server. The log names the
 * purpose and the account, never the link. A billing document named by the mail is rendered and attached here.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final MailSettings settings;
    private final Invoicing invoicing;
    private final Clock clock;

    MailDelivery(ObjectProvider<JavaMailSender> smtp, MailSettings settings, Invoicing invoicing, Clock clock) {
        this.smtp = smtp;
        this.invoicing = invoicing;
        this.settings = settings;
        this.clock = clock;
    }

    void deliver(OutgoingMail mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        try {
            MimeMessage message = compose(mail, sender == null ? Session.getInstance(new Properties())
                    : sender.createMimeMessage().getSession());
            if (sender != null) {
                sender.send(message);
                log.info("Sent {} mail for user {}", mail.purpose(), mail.userId());
            } else {
                Path dir = Path.of(settings.outboxDir());
                Files.createDirectories(dir);
                Path file = dir.resolve(clock.millis() + "-" + mail.purpose() + "-" + UUID.randomUUID() + ".eml");
                message.saveChanges();
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                log.info("No SMTP server configured: {} mail for user {} written to {}", mail.purpose(),
                        mail.userId(), file.toAbsolutePath());
            }
        } catch (MessagingException | IOException | MailException e) {
            // Thrown on, so the event's publication stays incomplete and is redelivered with backoff.
            log.warn("Could not deliver {} mail for user {} (will retry): {}", mail.purpose(), mail.userId(),
                    e.getClass().getSimpleName());
            throw new MailNotSent(mail.purpose(), e);
        }
    }

    /** A mail could not be handed to the mail server (or written to the outbox); its event is redelivered. */
    static final class MailNotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MailNotSent(String purpose, Exception cause) {
            super("Mail not sent: " + purpose, cause);
        }
    }

    private MimeMessage compose(OutgoingMail mail, Session session) throws MessagingException {
        MimeMessage message = mail.messageId() == null ? new MimeMessage(session) : new MimeMessage(session) {
            // Sending normally replaces the Message-ID with a random one; ours is stable per event.
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + mail.messageId() + ">");
            }
        };
        Invoicing.Pdf attachment = mail.attachmentId() == null ? null : invoicing.pdf(mail.attachmentId())
                .orElse(null);
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null || attachment != null,
                "UTF-8");
        helper.setFrom(new InternetAddress(settings.from()));
        helper.setTo(new InternetAddress(mail.to()));
        helper.setSubject(mail.subject());
        if (mail.html() != null) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text());
        }
        if (attachment != null) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.bytes()), "application/pdf");
        }
        helper.setSentDate(Date.from(clock.instant()));
        return message;
    }
}
