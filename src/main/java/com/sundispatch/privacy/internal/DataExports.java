package com.sundispatch.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.privacy.DataExportReady;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.PersonalData;

import io.swagger.v3.oas.annotations.media.Schema;

import tools.jackson.databind.json.JsonMapper;

/**
 * The data export (GDPR Art. 15 and 20): asked for at most once per {@code export-interval}, built by a durable
 * listener after the request's commit from every module's {@link PersonalData} part, sealed with the data key under
 * the export's id, and mailed as a link whose token only the mail carries. Downloading needs both the owner's
 * session and that token, until {@code export-validity} after it was built; expired archives are deleted.
 */
@Service
public class DataExports {

    /** The problem code of a second export asked for within the interval (429, with Retry-After). */
    public static final String EXPORT_TOO_SOON = "export_too_soon";
    public static final String EXPORT_EXPIRED = "export_expired";
    public static final String EXPORT_NOT_READY = "export_not_ready";
    static final String FORMAT = "sundispatch-personal-data/1";

    /** The state of a person's latest export, as the account page shows it. */
    public record ExportStatus(@Nullable String id,
            @Schema(allowableValues = { "NONE", "PENDING", "READY", "EXPIRED" })
            String status, @Nullable Instant requestedAt,
            @Nullable Instant readyAt, @Nullable Instant expiresAt,
            @Nullable Instant nextRequestAt) {
    }

    /** A downloadable archive: its JSON and the date for the file name. */
    public record Archive(byte[] json, Instant readyAt) {

        public Archive {
            json = json.clone();
        }

        @Override
        public byte[] json() {
            return json.clone();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<PersonalData> parts;
    private final DataCipher cipher;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final SecurityEvents audit;
    private final PrivacyProperties properties;
    private final Clock clock;

    DataExports(JdbcTemplate jdbc, TransactionTemplate tx, List<PersonalData> parts, DataCipher cipher,
            JsonMapper json, ApplicationEventPublisher events, SecurityEvents audit, PrivacyProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.parts = List.copyOf(parts);
        this.cipher = cipher;
        this.json = json;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public ExportStatus request(CurrentUser caller) {
        String userId = caller.userId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(status -> {
            if (!takeQuota(userId, now)) {
                Instant next = lastRequest(userId).plus(properties.exportInterval());
                long seconds = Math.max(1, Duration.between(now, next).toSeconds());
                audit.publish("DATA_EXPORT_REFUSED", userId, Outcome.DENIED, Map.of("reason", EXPORT_TOO_SOON));
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, EXPORT_TOO_SOON,
                        "You can ask for one export a day; the last one was asked for less than a day ago.",
                        List.of(), Map.of("Retry-After", Long.toString(seconds)));
            }
            jdbc.update("insert into data_exports (id, user_id, status, requested_at) values (?, ?, 'PENDING', ?)", id,
                    userId, Utc.db(now));
            events.publishEvent(new DataExportRequested(EventIds.next(), userId, id));
        });
        audit.publish("DATA_EXPORT_REQUESTED", userId, Outcome.SUCCESS, Map.of("exportId", id));
        return status(userId);
    }

    /** One conditional write per request: the first within the interval wins, on any number of instances. */
    private boolean takeQuota(String userId, Instant now) {
        if (jdbc.update("update data_export_quota set last_requested_at = ? where user_id = ? "
                + "and last_requested_at <= ?", Utc.db(now), userId, Utc.db(now.minus(properties.exportInterval()))) == 1) {
            return true;
        }
        try {
            return jdbc.update("insert into data_export_quota (user_id, last_requested_at) values (?, ?)", userId,
                    Utc.db(now)) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public ExportStatus status(String userId) {
        Instant now = clock.instant();
        Instant last = lastRequest(userId);
        Instant next = last == null ? null : last.plus(properties.exportInterval());
        if (next != null && !next.isAfter(now)) {
            next = null;
        }
        Instant nextRequestAt = next;
        return jdbc.query("select id, status, requested_at, ready_at, expires_at from data_exports where user_id = ? "
                + "order by requested_at desc", (rs, n) -> {
                    Instant expires = Utc.read(rs, "expires_at");
                    String state = rs.getString("status");
                    if ("READY".equals(state) && expires != null && !now.isBefore(expires)) {
                        state = "EXPIRED";
                    }
                    return new ExportStatus(rs.getString("id"), state, Utc.read(rs, "requested_at"),
                            Utc.read(rs, "ready_at"), expires, nextRequestAt);
                }, userId).stream().findFirst()
                .orElse(new ExportStatus(null, "NONE", null, null, null, nextRequestAt));
    }

    private Instant lastRequest(String userId) {
        return jdbc.query("select last_requested_at from data_export_quota where user_id = ?",
                (rs, n) -> Utc.read(rs, "last_requested_at"), userId).stream().findFirst().orElse(null);
    }

    /**
     * Builds the archive. Durable: a crash before the commit leaves the publication incomplete and it is delivered
     * again; the conditional update makes a second delivery a no-op.
     */
    @ApplicationModuleListener
    void on(DataExportRequested event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("format", FORMAT);
        archive.put("exportedAt", now);
        archive.put("accountId", event.userId());
        for (PersonalData part : parts) {
            archive.put(part.section(), part.export(event.userId()));
        }
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(archive);
        String sealed = cipher.encrypt(bytes, context(event.exportId()));
        String token = PrivacyTokens.newToken();
        Instant expires = now.plus(properties.exportValidity());
        int built = jdbc.update("update data_exports set status = 'READY', ready_at = ?, expires_at = ?, "
                + "token_hash = ?, archive = ? where id = ? and status = 'PENDING'", Utc.db(now), Utc.db(expires),
                PrivacyTokens.hash(token), sealed, event.exportId());
        if (built == 1) {
            events.publishEvent(new DataExportReady(EventIds.next(), event.userId(), event.exportId(),
                    cipher.encrypt(token.getBytes(StandardCharsets.UTF_8), DataExportReady.sealContext(event.userId())),
                    expires));
        }
    }

    /** The archive for its owner with the mailed token: 404 for anyone else's (or no) export. */
    public Archive download(CurrentUser caller, String exportId, String token) {
        Instant now = clock.instant();
        StoredExport export = jdbc.query("select user_id, status, ready_at, expires_at, token_hash, archive "
                + "from data_exports where id = ?", (rs, n) -> new StoredExport(rs.getString("user_id"),
                        rs.getString("status"), Utc.read(rs, "ready_at"), Utc.read(rs, "expires_at"),
                        rs.getString("token_hash"), rs.getString("archive")), exportId)
                .stream().findFirst().filter(e -> e.userId().equals(caller.userId()))
                .orElseThrow(() -> ApiException.notFound("No such export."));
        if ("PENDING".equals(export.status())) {
            throw ApiException.conflict(EXPORT_NOT_READY, "This export is still being put together.");
        }
        if (!"READY".equals(export.status()) || export.archive() == null || !now.isBefore(export.expiresAt())) {
            throw new ApiException(HttpStatus.GONE, EXPORT_EXPIRED,
                    "This download has expired. Ask for a new export on your account page.");
        }
        if (!PrivacyTokens.plausible(token) || !PrivacyTokens.same(export.tokenHash(), token)) {
            audit.publish("DATA_EXPORT_DOWNLOAD_REFUSED", caller.userId(), Outcome.DENIED, Map.of("exportId", exportId));
            throw ApiException.badRequest(ErrorCodes.INVALID_TOKEN, "This link is invalid or expired.");
        }
        byte[] bytes = cipher.decrypt(export.archive(), context(exportId));
        audit.publish("DATA_EXPORT_DOWNLOADED", caller.userId(), Outcome.SUCCESS, Map.of("exportId", exportId));
        return new Archive(bytes, export.readyAt());
    }

    private record StoredExport(String userId, String status, Instant readyAt, Instant expiresAt, String tokenHash,
            String archive) {
    }

    /** Deletes the archives whose link has expired (run by the privacy job). */
    int purgeExpired() {
        return jdbc.update("update data_exports set status = 'EXPIRED', archive = null, token_hash = null "
                + "where status = 'READY' and expires_at <= ?", Utc.db(clock.instant()));
    }

    private static String context(String exportId) {
        return "data-export:" + exportId;
    }
}
