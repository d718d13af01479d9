package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.Role;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;

/** Registration, the account's own profile, and the admins' view of accounts. */
@Service
public class AccountService {

    /** A ban without end date; DATETIME holds it on every supported database. */
    static final Instant PERMANENT = Instant.parse("9999-12-31T00:00:00Z");

    private final UserAccountRepository users;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final TransactionTemplate tx;
    private final EmailLinkService emailLinks;
    private final SessionService sessions;
    private final MfaService mfa;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecurityEvents audit;

    AccountService(UserAccountRepository users, PasswordHashing hashing, TransactionTemplate tx,
            EmailLinkService emailLinks, SessionService sessions, MfaService mfa, LoginThrottle throttle,
            Clock clock, SecurityEvents audit) {
        this.audit = audit;
        this.users = users;
        this.hashing = hashing;
        this.policy = new PasswordPolicy();
        this.tx = tx;
        this.emailLinks = emailLinks;
        this.sessions = sessions;
        this.mfa = mfa;
        this.throttle = throttle;
        this.clock = clock;
    }

    // The label repetition is bounded ({1,126}: a 254-character address has fewer labels) because Java's regex
    // engine recurses once per repetition of a group: unbounded, a 4 KB "a@a.a.a..." overflowed the stack (a 500).
    public static final String EMAIL_PATTERN = "^\\s*[A-Za-z0-9._%+\\-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}"
            + "[A-Za-z0-9])?\\.){1,126}[A-Za-z]{2,63}\\s*$";
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(EMAIL_PATTERN);

    /**
     * Compatibility-normalised (NFKC), trimmed and lower-cased, so look-alike spellings of one address
     * collapse into one; anything still outside plain ASCII is not an email we accept.
     */
    public static String normaliseEmail(String email) {
        return email == null ? null
                : java.text.Normalizer.normalize(email, java.text.Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isAcceptableEmail(String normalised) {
        return normalised != null && normalised.length() <= 254 && EMAIL.matcher(normalised).matches();
    }

    /** Creates a CUSTOMER. The role is decided here, never by the request. */
    public AccountView register(String rawEmail, String password, String rawName) {
        String email = normaliseEmail(rawEmail);
        if (!isAcceptableEmail(email)) {
            throw ApiException.validation("email", "must be a valid email address");
        }
        String fullName = rawName.trim();
        requireAcceptablePassword(password, email, fullName);
        if (users.existsByEmail(email)) {
            throw emailTaken();
        }
        String hash = hashing.hash(password);
        AccountView created;
        try {
            created = tx.execute(status -> {
                UserAccount account = new UserAccount(UUID.randomUUID().toString(), email, hash, fullName,
                        Role.CUSTOMER, false, clock.instant());
                return AccountView.of(users.saveAndFlush(account));
            });
        } catch (DataIntegrityViolationException race) {
            // Two registrations of the same email at once: the unique index decided.
            throw emailTaken();
        }
        emailLinks.sendVerification(created.id());
        audit.publish("REGISTERED", created.id(), Outcome.SUCCESS, Map.of());
        return created;
    }

    /**
     * Needs the current password (and a code when MFA is on); ends every other session of the account.
     * Wrong current passwords count as failed sign-ins, so a stolen access token cannot guess the password.
     */
    public void changePassword(String userId, String sessionId, String currentPassword, String newPassword,
            String code, String ip) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        throttle.check(account.email(), ip);
        if (currentPassword == null || !hashing.matches(currentPassword, account.passwordHash())) {
            throttle.recordFailure(account.email(), ip);
            audit.publish("PASSWORD_CHANGE_FAILED", userId, Outcome.FAILURE, Map.of("reason", "wrong_password"));
            throw ApiException.badRequest("wrong_password", "The current password is not correct.");
        }
        if (account.mfaEnabled()) {
            if (code == null || code.isBlank()) {
                throw ApiException.badRequest("mfa_required", "Enter a code from your authenticator app.");
            }
            if (!mfa.acceptCode(userId, code)) {
                throttle.recordFailure(account.email(), ip);
                audit.publish("MFA_FAILED", userId, Outcome.FAILURE, Map.of("step", "password_change"));
                throw MfaService.invalidCode();
            }
        }
        requireAcceptablePassword(newPassword, account.email(), account.fullName());
        if (hashing.matches(newPassword, account.passwordHash())) {
            throw ApiException.badRequest("weak_password", "The new password must differ from the current one.");
        }
        String newHash = hashing.hash(newPassword);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            users.findById(userId).orElseThrow().changePasswordHash(newHash, now);
            sessions.revokeAll(userId, sessionId, "password_change");
        });
        throttle.recordSuccess(account.email());
        audit.publish("PASSWORD_CHANGED", userId, Outcome.SUCCESS, Map.of());
    }

    /** Bans an account (until a time, or for good) and ends all its sessions at once. */
    public AccountView ban(String adminId, String userId, String reason, Instant until) {
        if (adminId.equals(userId)) {
            throw ApiException.badRequest("cannot_ban_self", "You cannot ban your own account.");
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw ApiException.validation("until", "must be in the future");
        }
        if (until != null && until.isAfter(now.plus(java.time.Duration.ofDays(3650)))) {
            throw ApiException.validation("until", "must be within 10 years; leave it out for a ban without end");
        }
        AccountView banned = tx.execute(status -> {
            UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
            account.ban(reason.trim(), until == null ? PERMANENT : until, now);
            sessions.revokeAll(userId, null, "banned");
            return AccountView.of(account);
        });
        audit.publish("USER_BANNED", userId, Outcome.INFO, Map.of("by", adminId,
                "until", until == null ? "permanent" : until.toString()));
        return banned;
    }

    @Transactional
    public AccountView unban(String adminId, String userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        account.unban(clock.instant());
        audit.publish("USER_UNBANNED", userId, Outcome.INFO, Map.of("by", adminId));
        return AccountView.of(account);
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
