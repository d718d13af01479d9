package com.sundispatch.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.sundispatch.identity.Role;
import com.sundispatch.identity.internal.EmailChangeService.PendingEmailChange;
import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.shared.ApiException;

/**
 * What {@code GET /me} shows, read in one plain SQL statement: the account's visible columns, whether it has a
 * passkey and its pending email changes (newest first; none: one row with nulls for the change). It is the
 * hottest authenticated read, and through Spring Data and Hibernate (a JPQL query, even one projecting columns)
 * the query's creation, binding and mapping took about 30 % of the request's CPU on MariaDB (BENCHMARKS.md,
 * 0.19.0). No transaction: one statement is consistent on its own, and on MariaDB a transaction costs three more
 * round trips. Only for a caller that has not changed the account in its own transaction: JDBC sees nothing
 * Hibernate has not flushed yet (GET /me is the only caller).
 */
@Service
public class ProfileReader {

    /** The account, its second factors and a pending email change. */
    public record Profile(AccountView account, List<String> mfaMethods, Optional<PendingEmailChange> pending) {
    }

    private static final String PROFILE = """
            select u.id, u.email, u.full_name, u.phone, u.role, u.email_verified, u.mfa_enabled, u.created_at,
                   u.banned_until, u.language,
                   case when exists (select 1 from passkeys p where p.user_id = u.id) then 1 else 0 end as passkey,
                   c.new_email, c.requested_at, c.confirm_expires_at
            from users u left join email_changes c
                on c.user_id = u.id and c.status = 'PENDING' and c.confirm_expires_at > ?
            where u.id = ?
            order by c.requested_at desc""";

    private final JdbcClient jdbc;
    private final PersonalDataSeal personalData;
    private final Clock clock;

    ProfileReader(JdbcClient jdbc, PersonalDataSeal personalData, Clock clock) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.clock = clock;
    }

    public Profile read(String userId) {
        List<Profile> rows = jdbc.sql(PROFILE).params(utc(clock.instant()), userId).query(this::profile).list();
        if (rows.isEmpty()) {
            throw ApiException.notFound("No such account.");
        }
        return rows.get(0);
    }

    private Profile profile(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        boolean totp = rs.getBoolean("mfa_enabled");
        // Opened as the entity's load would (UserAccount.openPersonalData): same table, column and row binding.
        AccountView account = new AccountView(id, rs.getString("email"), rs.getString("full_name"),
                personalData.open(rs.getString("phone"), "users", "phone", id), Role.valueOf(rs.getString("role")),
                rs.getBoolean("email_verified"), totp, instant(rs, "created_at"), instant(rs, "banned_until"),
                rs.getString("language"));
        String newEmail = rs.getString("new_email");
        Optional<PendingEmailChange> pending = newEmail == null ? Optional.empty()
                : Optional.of(new PendingEmailChange(newEmail, instant(rs, "requested_at"),
                        instant(rs, "confirm_expires_at")));
        return new Profile(account, AuthService.secondFactors(totp, rs.getInt("passkey") == 1), pending);
    }

    /** Hibernate stores instants as UTC wall-clock time ({@code hibernate.jdbc.time_zone: UTC}); so do we. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
