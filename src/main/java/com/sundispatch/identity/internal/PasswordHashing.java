package com.sundispatch.identity.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.sundispatch.security.Secrets;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

/**
 * Runs every bcrypt computation on a small bounded pool. A login flood then waits in a short queue or is
 * refused with 503 instead of taking every request thread and CPU from the rest of the API. Passwords are
 * hashed in their NFKC form ({@link PasswordText}); a hash made before that rule (of the form as typed) still
 * matches, reported as {@link Match#LEGACY} so that login can store the normalised hash.
 */
@Component
public class PasswordHashing implements DisposableBean {

    private final PepperedBcryptPasswordEncoder encoder;
    private final ThreadPoolExecutor pool;
    private final long waitMillis;
    private final String dummyHash;

    PasswordHashing(Secrets secrets, IdentityProperties properties) {
        this.encoder = new PepperedBcryptPasswordEncoder(secrets.passwordPepper(), properties.bcryptCost());
        int threads = properties.effectiveHashingThreads();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.hashingQueue()), r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    // Below every request thread, so a login flood takes the CPU others leave, not theirs. The JVM
                    // passes this to Linux only with -XX:ThreadPriorityPolicy=1 (the image sets it; nice 4 here,
                    // which needs no privilege); elsewhere it changes nothing.
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.waitMillis = properties.hashingWait().toMillis();
        // A real hash of a random password: checking an unknown email against it costs the same as a real check.
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /** How a password matched a stored hash. */
    public enum Match {
        NO, YES,
        /** Matches only as typed, not in its NFKC form: a hash from before normalisation, to be replaced. */
        LEGACY
    }

    public String hash(String raw) {
        String normalised = PasswordText.nfkc(raw);
        return run(() -> encoder.encode(normalised));
    }

    public boolean matches(String raw, String hash) {
        return verify(raw, hash) != Match.NO;
    }

    public Match verify(String raw, String hash) {
        if (raw == null || PasswordText.problem(raw).isPresent()) {
            return Match.NO;
        }
        String normalised = PasswordText.nfkc(raw);
        return run(() -> {
            if (encoder.matches(normalised, hash)) {
                return Match.YES;
            }
            return !normalised.equals(raw) && encoder.matches(raw, hash) ? Match.LEGACY : Match.NO;
        });
    }

    /** Spends the same work as a real check, for an account that does not exist. Always false. */
    public boolean matchesNobody(String raw) {
        String text = raw == null ? "" : raw;
        String normalised = PasswordText.problem(text).isPresent() ? text : PasswordText.nfkc(text);
        run(() -> {
            // As many bcrypt runs as a failed verify() of this password against a real hash.
            boolean a = encoder.matches(normalised, dummyHash);
            return normalised.equals(text) ? a : encoder.matches(text, dummyHash);
        });
        return false;
    }

    public boolean needsUpgrade(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    private <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVER_BUSY,
                "Too many sign-ins right now. Please try again in a moment.", java.util.List.of(),
                Map.of("Retry-After", "1"));
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
