package com.sundispatch.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution for outbound calls, injectable so tests can play DNS (including rebinding). */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
