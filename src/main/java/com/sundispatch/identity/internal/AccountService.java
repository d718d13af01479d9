package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.AccountBanned;
import com.sundispatch.identity.AccountUnbanned;
import com.sundispatch.identity.PasswordChanged;
import com.sundispatch.identity.Role;
import com.sundispatch.identity.RoleChanged;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.RetryingTransactions;

/** Registration, the account's own profile, and the admins' view of accounts. */
@Service
public class AccountService {

    /** A ban without end date; DATETIME holds it on every supported database. */
    static final Instant PERMANENT = Instant.parse("9999-12-31T00:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final UserAccountRepository users;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final TransactionTemplate tx;
    private final RetryingTransactions writes;
    private final AccountWork work;
    private final ObjectProvider<IdentityWriteHook> hooks;
    private final EmailLinkService emailLinks;
    private final SessionService sessions;
    private final MfaService mfa;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecurityEvents audit;
    private final ReauthenticationService reauthentication;
    private final ApplicationEventPublisher events;
    private final EmailChangeRepository emailChanges;

    AccountService(UserAccountRepository users, PasswordHashing hashing, TransactionTemplate tx,
            RetryingTransactions writes, AccountWork work, ObjectProvider<IdentityWriteHook> hooks,
            EmailLinkService emailLinks, SessionService sessions, MfaService mfa, LoginThrottle throttle,
            Clock clock, SecurityEvents audit, ReauthenticationService reauthentication,
            ApplicationEventPublisher events, EmailChangeRepository emailChanges) {
        this.emailChanges = emailChanges;
        this.writes = writes;
        this.work = work;
        this.hooks = hooks;
        this.audit = audit;
        this.reauthentication = reauthentication;
        this.events = events;
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

    /**
     * Accepts a registration: the input is checked here, at once (a bad email or a weak password is a 400, and
     * the password rules never depend on whether the address has an account); everything that does depend on
     * it (look-up, bcrypt, the rows, the mail) runs after the answer on {@link AccountWork}. A new address gets
     * its verification link, an existing one a notice to its owner; the caller cannot tell which, neither from
     * the answer nor from its timing. The role is decided here (CUSTOMER), never by the request. The language is
     * the one asked for, else the browser's preference ({@code acceptLanguage}); an existing account keeps its own.
     */
    public void register(String rawEmail, String rawPassword, String rawName, String requestedLanguage,
            String acceptLanguage) {
        String email = normaliseEmail(rawEmail);
        if (!isAcceptableEmail(email)) {
            throw ApiException.validation("email", "must be a valid email address");
        }
        String language = requestedLanguage == null ? Languages.fromAcceptLanguage(acceptLanguage)
                : Languages.require(requestedLanguage);
        String fullName = rawName.trim();
        String password = PasswordText.normalise(rawPassword, "password");
        requireAcceptablePassword(password, email, fullName);
        work.submit("registration", () -> completeRegistration(email, password, fullName, language));
    }

    /** The part of a registration that depends on whether the address has an account. Off the request thread. */
    void completeRegistration(String email, String password, String fullName, String language) {
        Optional<UserAccount> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            // The same bcrypt work as for a new account, so even the server's load does not tell them apart.
            hashing.matchesNobody(password);
            emailLinks.mailRegistrationAttempt(existing.get());
            return;
        }
        if (emailChanges.isReservedForUndo(email, clock.instant())) {
            // An address an account moved away from within its undo window stays that account's: otherwise whoever
            // took the account over could register it and make the owner's undo link fail. Answered like a taken
            // address (the caller already got the same 202).
            hashing.matchesNobody(password);
            log.info("Registration for an address reserved by an email change's undo window; nothing was written");
            return;
        }
        String hash = hashing.hash(password);
        NewAccount created;
        try {
            // The account and its first verification link are written together or not at all.
            created = writes.execute("registration", status -> {
                UserAccount account = users.saveAndFlush(new UserAccount(UUID.randomUUID().toString(), email, hash,
                        fullName, Role.CUSTOMER, false, language, clock.instant()));
                hooks.ifAvailable(h -> h.betweenRows("registration", account.id()));
                return new NewAccount(account.id(), emailLinks.issueVerificationToken(account.id()));
            });
        } catch (DataIntegrityViolationException race) {
            // Two registrations of the same address at once: the unique index decided; the other one is the owner.
            users.findByEmail(email).ifPresent(emailLinks::mailRegistrationAttempt);
            return;
        } catch (ApiException busy) {
            log.warn("Registration not stored: the database stayed busy ({}); nothing was written", busy.code());
            return;
        }
        audit.publish("REGISTERED", created.userId(), Outcome.SUCCESS, Map.of());
        emailLinks.mailVerification(created.userId(), email, fullName, created.verificationToken());
    }

    /** A committed new account and the raw token of its first verification link (only the mail may hold it). */
    private record NewAccount(String userId, String verificationToken) {
        @Override
        public String toString() {
            return "NewAccount[userId=" + userId + "]";
        }
    }

    /**
     * Needs the current password (and a code when MFA is on); ends every other session of the account.
     * Wrong current passwords count as failed sign-ins, so a stolen access token cannot guess the password.
     */
    public void changePassword(String userId, String sessionId, String rawCurrentPassword, String rawNewPassword,
            String code, String ip) {
        // Checked for well-formedness only: matches() compares the NFKC form, and the form as typed for old hashes.
        PasswordText.normalise(rawCurrentPassword, "currentPassword");
        String currentPassword = rawCurrentPassword;
        String newPassword = PasswordText.normalise(rawNewPassword, "newPassword");
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
        writes.executeWithoutResult("password_change", status -> {
            Instant now = clock.instant();
            users.findById(userId).orElseThrow().changePasswordHash(newHash, now);
            users.flush();
            hooks.ifAvailable(h -> h.betweenRows("password_change", userId));
            sessions.revokeAll(userId, sessionId, "password_change");
            events.publishEvent(new PasswordChanged(EventIds.next(), userId, false, now));
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
        AccountView banned = writes.execute("ban", status -> {
            UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
            account.ban(reason.trim(), until == null ? PERMANENT : until, now);
            sessions.revokeAll(userId, null, "banned");
            events.publishEvent(new AccountBanned(EventIds.next(), userId, until == null ? PERMANENT : until));
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
        events.publishEvent(new AccountUnbanned(EventIds.next(), userId));
        audit.publish("USER_UNBANNED", userId, Outcome.INFO, Map.of("by", adminId));
        return AccountView.of(account);
    }

    /** Creates the first admin from the bootstrap variables; false when one exists or the email is taken. */
    boolean createBootstrapAdmin(String rawEmail, String rawPassword, String name) {
        String email = normaliseEmail(rawEmail);
        String password = PasswordText.normalise(rawPassword, "password");
        requireAcceptablePassword(password, email, name);
        String hash = hashing.hash(password);
        Boolean created = tx.execute(status -> {
            if (users.existsByRole(Role.ADMIN) || users.existsByEmail(email)) {
                return false;
            }
            users.saveAndFlush(new UserAccount(UUID.randomUUID().toString(), email, hash, name, Role.ADMIN, true,
                    Languages.DEFAULT, clock.instant()));
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

    /**
     * A new name or language is free; a new phone number needs a recent step-up, since it is how installers and
     * support reach the account's owner (the same value again is no change).
     */
    @Transactional
    public AccountView updateProfile(CurrentUser caller, String fullName, String phone, String language) {
        String userId = caller.userId();
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        if (phone != null) {
            String wanted = phone.trim().isEmpty() ? null : phone.trim();
            if (!Objects.equals(wanted, account.phone())) {
                reauthentication.require(caller);
            }
        }
        Instant now = clock.instant();
        account.updateProfile(fullName == null ? null : fullName.trim(), phone == null ? null : phone.trim(),
                language, now);
        return AccountView.of(account);
    }

    /**
     * Makes a verified, unbanned account an ADMIN (SECURITY.md: ADMIN only from the bootstrap or another admin).
     * The new admin's sessions end at once, so the next sign-in carries the role, and the admin-MFA gate then
     * makes them turn on MFA first. The caller checked the admin's step-up.
     */
    public AccountView promote(String adminId, String userId) {
        if (adminId.equals(userId)) {
            throw ownRole();
        }
        return changeRole(adminId, userId, (account, admins) -> {
            if (account.role() == Role.ADMIN) {
                throw ApiException.conflict("already_admin", "This account is an administrator already.");
            }
            if (account.isBanned(clock.instant())) {
                throw ApiException.conflict("user_banned", "A suspended account cannot become an administrator.");
            }
            if (!account.emailVerified()) {
                throw ApiException.conflict("email_not_verified",
                        "Only an account with a confirmed email can become an administrator.");
            }
            account.promoteToAdmin(clock.instant());
        });
    }

    /**
     * Gives an admin back the role it had before its promotion (CUSTOMER when unknown, e.g. the bootstrap admin).
     * Never the last admin (409 last_admin, also when the last admin asks to demote themself) and never oneself
     * (409 cannot_change_own_role). The admins' rows are locked while counting, so two admins demoting each
     * other at once cannot leave none: the second finds it is no admin any more.
     */
    public AccountView demote(String adminId, String userId) {
        return changeRole(adminId, userId, (account, admins) -> {
            if (account.role() != Role.ADMIN) {
                throw ApiException.conflict("not_admin", "This account is not an administrator.");
            }
            if (admins.size() <= 1) {
                throw ApiException.conflict("last_admin", "The last administrator cannot be demoted.");
            }
            if (adminId.equals(userId)) {
                throw ownRole();
            }
            account.demoteFromAdmin(clock.instant());
        });
    }

    private AccountView changeRole(String adminId, String userId,
            BiConsumer<UserAccount, List<UserAccount>> change) {
        record Changed(AccountView view, Role from) {
        }
        Changed changed = tx.execute(status -> {
            // The admins are locked first (the same order in every role change), then the target is read.
            List<UserAccount> admins = users.lockByRole(Role.ADMIN);
            if (admins.stream().noneMatch(a -> a.id().equals(adminId))) {
                throw ApiException.forbidden(ErrorCodes.FORBIDDEN, "Only an administrator can change roles.");
            }
            UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
            Role from = account.role();
            change.accept(account, admins);
            sessions.revokeAll(userId, null, "role_changed");
            events.publishEvent(new RoleChanged(EventIds.next(), account.id(), account.email(), account.fullName(), from,
                    account.role()));
            return new Changed(AccountView.of(account), from);
        });
        audit.publish("ROLE_CHANGED", userId, Outcome.INFO, Map.of("from", changed.from().name(), "to",
                changed.view().role().name(), "by", adminId));
        return changed.view();
    }

    private static ApiException ownRole() {
        return ApiException.conflict("cannot_change_own_role", "You cannot change your own role.");
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
}
