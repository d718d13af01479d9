package com.sundispatch.notifications.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends pushes off the durable listeners' threads, after their transaction committed. A push service that is
 * slow (each call may take up to 10 s per device) must not hold a listener thread and its pooled connection:
 * the four listener threads carry every offer, mail and webhook. Pushes are a nudge on top of the inbox and the
 * mail, which are durable; when this small pool is saturated the push is dropped with a warning.
 */
@Component
class PushDispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PushDispatch.class);

    private final ObjectProvider<PushSender> sender;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(500), r -> {
                Thread t = new Thread(r, "push-send");
                t.setDaemon(true);
                return t;
            }, (r, e) -> log.warn("Push dropped: {} pushes waiting already", e.getQueue().size()));

    PushDispatch(ObjectProvider<PushSender> sender) {
        this.sender = sender;
    }

    boolean available() {
        return sender.stream().findAny().isPresent();
    }

    /** After the current transaction commits (at once when there is none). */
    void afterCommit(String userId, PushSender.PushMessage message) {
        Runnable send = () -> executor.execute(() -> send(userId, message));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** To every channel (browsers by Web Push, the mobile apps through Expo); one failing never stops another. */
    private void send(String userId, PushSender.PushMessage message) {
        sender.orderedStream().forEach(channel -> {
            try {
                channel.send(userId, message);
            } catch (RuntimeException e) {
                log.warn("Push for user {} failed: {}", userId, e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
