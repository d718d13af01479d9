package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.Role;
import com.sundispatch.shared.ApiException;

/** Registration, the account's own profile, and the admins' view of accounts. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final TransactionTemplate tx;
    private final Clock clock;

    AccountService(UserAccountRepository users, PasswordHashing hashing, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.hashing = hashing;
        this.policy = new PasswordPolicy();
        this.tx = tx;
        this.clock = clock;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Creates a CUSTOMER. The role is decided here, never by the request. */
    public AccountView register(String rawEmail, String password, String rawName) {
        String email = normaliseEmail(rawEmail);
        String fullName = rawName.trim();
        requireAcceptablePassword(password, email, fullName);
        if (users.existsByEmail(email)) {
            throw emailTaken();
        }
        String hash = hashing.hash(password);
        try {
            return tx.execute(status -> {
                UserAccount account = new UserAccount(UUID.randomUUID().toString(), email, hash, fullName,
                        Role.CUSTOMER, false, clock.instant());
                return AccountView.of(users.saveAndFlush(account));
            });
        } catch (DataIntegrityViolationException race) {
            // Two registrations of the same email at once: the unique index decided.
            throw emailTaken();
        }
    }

    /** Creates the first admin from the bootstrap variables; false when one exists or the email is taken. */
    boolean createBootstrapAdmin(String rawEmail, String password, String name) {
        String email = normaliseEmail(rawEmail);
        requireAcceptablePassword(password, email, name);
        String hash = hashing.hash(password);
        Boolean created = tx.execute(status -> {
            if (users.existsByRole(Role.ADMIN) || users.existsByEmail(email)) {
                return false;
            }
            users.saveAndFlush(new UserAccount(UUID.randomUUID().toString(), email, hash, name, Role.ADMIN, true,
                    clock.instant()));
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    boolean adminExists() {
        return users.existsByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public AccountView get(String userId) {
        return users.findById(userId).map(AccountView::of)
                .orElseThrow(() -> ApiException.notFound("No such account."));
    }

    @Transactional
    public AccountView updateProfile(String userId, String fullName, String phone) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        Instant now = clock.instant();
        account.updateProfile(fullName == null ? null : fullName.trim(), phone == null ? null : phone.trim(), now);
        return AccountView.of(account);
    }

    @Transactional(readOnly = true)
    public Page<AccountView> search(String q, Pageable pageable) {
        if (q == null || q.isBlank()) {
            return users.findAll(pageable).map(AccountView::of);
        }
        String term = q.trim();
        return users.findByEmailContainingIgnoreCaseOrFullNameContainingIgnoreCase(term, term, pageable)
                .map(AccountView::of);
    }

    private void requireAcceptablePassword(String password, String email, String fullName) {
        policy.check(password, email, fullName).ifPresent(reason -> {
            throw ApiException.badRequest("weak_password", reason);
        });
    }

    private static ApiException emailTaken() {
        return new ApiException(HttpStatus.CONFLICT, "email_taken", "An account with this email already exists.");
    }
}
