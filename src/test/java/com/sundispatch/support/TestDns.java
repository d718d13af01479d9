package com.sundispatch.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sundispatch.security.HostResolver;

/**
 * The tests' DNS: names they configure answer what the test says, in sequence (to play DNS rebinding); other
 * names resolve normally. No test ever connects to a non-loopback address.
 */
public class TestDns implements HostResolver {

    private static final Map<String, Deque<List<InetAddress>>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** How often the server looked this name up. */
    public static int lookups(String host) {
        return LOOKUPS.getOrDefault(host, new java.util.concurrent.atomic.AtomicInteger()).get();
    }

    public static void answer(String host, List<String>... answers) {
        Deque<List<InetAddress>> queue = new ArrayDeque<>();
        for (List<String> a : answers) {
            queue.add(a.stream().map(TestDns::parse).toList());
        }
        ANSWERS.put(host, queue);
    }

    private static InetAddress parse(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip);
        }
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        LOOKUPS.computeIfAbsent(host, h -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        if (host.equals("receiver.test")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        Deque<List<InetAddress>> queue = ANSWERS.get(host);
        if (queue == null || queue.isEmpty()) {
            throw new UnknownHostException(host);
        }
        // The last answer repeats.
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }
}
