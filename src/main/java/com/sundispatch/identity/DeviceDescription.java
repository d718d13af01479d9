package com.sundispatch.identity;

import com.sundispatch.identity.internal.DeviceTraits;

/**
 * What a person may be shown about a device that used their account, from its User-Agent and client address: the
 * browser and OS families ("Chrome", "Linux"; {@code "other"} when unknown) and a coarse network (IPv4 /24, IPv6
 * /48; {@code "unknown"} when there is no address). The same coarse description sign-in notices use: enough to say
 * "that was not me", never a full address or a fingerprint. There is no GeoIP database, so no place names.
 */
public record DeviceDescription(String browser, String operatingSystem, String network) {

    public static DeviceDescription of(String userAgent, String ip) {
        return new DeviceDescription(DeviceTraits.browserFamily(userAgent), DeviceTraits.osFamily(userAgent),
                DeviceTraits.network(ip));
    }
}
