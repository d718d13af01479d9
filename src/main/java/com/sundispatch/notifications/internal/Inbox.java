package com.sundispatch.notifications.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.shared.ApiException;

/**
 * The in-app inbox. Entries are written once per (event, recipient, kind), so a redelivered event never shows
 * twice; people read only their own entries, and a foreign id is simply "not found".
 */
@Service
public class Inbox {

    @Schema(name = "InboxEntry")
    public record Entry(String id,
            @Schema(implementation = NotificationKind.class)
            String kind,
            @Schema(implementation = NotificationCategory.class)
            String category, String title, @Nullable String body,
            @Nullable String link,
            Instant createdAt, @Nullable Instant readAt) {
    }

    public record Page(List<Entry> items, int page, int size, long totalItems, long unreadCount) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * What changes whenever anything in someone's inbox changes: the ETag is derived from it, so polling
     * clients get 304 without the list being read.
     */
    public record State(long total, long unread, Instant newest, Instant lastRead) {
    }

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    Inbox(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** Adds an entry; false when this event already gave this person this notification. */
    @Transactional
    boolean add(String recipientId, String eventId, NotificationKind kind, String title, String body, String link,
            Instant createdAt) {
        Integer existing = jdbc.sql("select count(*) from notifications where event_id = ? and recipient_id = ? "
                + "and kind = ?").params(eventId, recipientId, kind.name()).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        try {
            jdbc.sql("insert into notifications (id, recipient_id, event_id, kind, category, title, body, link, "
                    + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), recipientId, eventId, kind.name(), kind.category().name(),
                            truncate(title, 200), truncate(body, 1000), link, Timestamp.from(createdAt))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            // The same delivery ran twice at once: the other one wrote it.
            return false;
        }
    }

    @Transactional(readOnly = true)
    public State state(String userId) {
        return jdbc.sql("select count(*) as total, coalesce(sum(case when read_at is null then 1 else 0 end), 0) "
                + "as unread, max(created_at) as newest, max(read_at) as last_read from notifications "
                + "where recipient_id = ?").param(userId)
                .query((rs, n) -> new State(rs.getLong("total"), rs.getLong("unread"), instant(rs.getTimestamp(
                        "newest")), instant(rs.getTimestamp("last_read"))))
                .single();
    }

    /** A page of the inbox; {@code state} is the one the caller just read for its ETag (read once per request). */
    @Transactional(readOnly = true)
    public Page page(String userId, int page, int size, State state) {
        List<Entry> items = jdbc.sql("select id, kind, category, title, body, link, created_at, read_at "
                + "from notifications where recipient_id = ? order by created_at desc, id desc limit ? offset ?")
                .params(userId, size, (long) page * size)
                .query((rs, n) -> new Entry(rs.getString("id"), rs.getString("kind"), rs.getString("category"),
                        rs.getString("title"), rs.getString("body"), rs.getString("link"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at"))))
                .list();
        return new Page(items, page, size, state.total(), state.unread());
    }

    @Transactional
    public void markRead(String userId, String id) {
        Optional<Instant> readAt = jdbc.sql("select read_at from notifications where id = ? and recipient_id = ?")
                .params(id, userId).query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp("read_at"))))
                .optional().orElseThrow(() -> ApiException.notFound("No such notification."));
        if (readAt.isEmpty()) {
            jdbc.sql("update notifications set read_at = ? where id = ? and recipient_id = ? and read_at is null")
                    .params(Timestamp.from(clock.instant()), id, userId).update();
        }
    }

    @Transactional
    public int markAllRead(String userId) {
        return jdbc.sql("update notifications set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), userId).update();
    }

    /**
     * Read entries are kept for {@code sundispatch.notifications.retention} (a year by default), unread ones
     * as long as that again; the record of sent mails only needs to outlive redelivery (a month).
     */
    @Scheduled(cron = "0 41 3 * * *")
    @Transactional
    public void purge() {
        Instant now = clock.instant();
        int read = jdbc.sql("delete from notifications where read_at is not null and created_at < ?")
                .param(Timestamp.from(now.minus(retention))).update();
        int unread = jdbc.sql("delete from notifications where read_at is null and created_at < ?")
                .param(Timestamp.from(now.minus(retention.multipliedBy(2)))).update();
        jdbc.sql("delete from sent_notification_mails where sent_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(30)))).update();
        if (read + unread > 0) {
            log.info("Purged {} read and {} unread notifications past retention", read, unread);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
