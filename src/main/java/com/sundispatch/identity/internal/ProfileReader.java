package com.sundispatch.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.internal.EmailChangeService.PendingEmailChange;

/**
 * What {@code GET /me} shows, read in one read-only transaction: the account row is loaded once (the second
 * factors reuse it from the persistence context) instead of three transactions and two loads of the same row.
 */
@Service
public class ProfileReader {

    /** The account, its second factors and a pending email change. */
    public record Profile(AccountView account, List<String> mfaMethods, Optional<PendingEmailChange> pending) {
    }

    private final AccountService accounts;
    private final PasskeyService passkeys;
    private final EmailChangeService emailChanges;

    ProfileReader(AccountService accounts, PasskeyService passkeys, EmailChangeService emailChanges) {
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.emailChanges = emailChanges;
    }

    @Transactional(readOnly = true)
    public Profile read(String userId) {
        return new Profile(accounts.get(userId), passkeys.mfaMethods(userId), emailChanges.pending(userId));
    }
}
