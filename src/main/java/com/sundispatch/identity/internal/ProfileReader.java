package com.sundispatch.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.internal.EmailChangeService.PendingEmailChange;
import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.shared.ApiException;

/**
 * What {@code GET /me} shows, read in one statement (the hottest authenticated read: the account, its passkey presence
 * and a pending email change used to be three round trips) and outside a transaction: one statement is consistent
 * on its own, and a transaction around it cost MariaDB three more round trips per request (set autocommit=0,
 * COMMIT, set autocommit=1), half of /me's throughput there (BENCHMARKS.md).
 */
@Service
public class ProfileReader {

    /** The account, its second factors and a pending email change. */
    public record Profile(AccountView account, List<String> mfaMethods, Optional<PendingEmailChange> pending) {
    }

    private final UserAccountRepository users;
    private final PersonalDataSeal personalData;
    private final Clock clock;

    ProfileReader(UserAccountRepository users, PersonalDataSeal personalData, Clock clock) {
        this.users = users;
        this.personalData = personalData;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Profile read(String userId) {
        List<ProfileRow> rows = users.profile(userId, clock.instant());
        if (rows.isEmpty()) {
            throw ApiException.notFound("No such account.");
        }
        ProfileRow row = rows.get(0);
        // Opened as the entity's load would (UserAccount.openPersonalData): same table, column and row binding.
        AccountView account = new AccountView(row.id(), row.email(), row.fullName(),
                personalData.open(row.phoneSealed(), "users", "phone", row.id()), row.role(), row.emailVerified(),
                row.mfaEnabled(), row.createdAt(), row.bannedUntil(), row.language());
        Optional<PendingEmailChange> pending = row.newEmail() == null ? Optional.empty()
                : Optional.of(new PendingEmailChange(row.newEmail(), row.requestedAt(), row.confirmExpiresAt()));
        return new Profile(account, AuthService.secondFactors(row.mfaEnabled(), row.passkey()), pending);
    }
}
