package com.sundispatch.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The landing page's words, configurable per deployment ({@code sundispatch.public-info.*}). */
@ConfigurationProperties("sundispatch.public-info")
public record PublicInfoProperties(
        @DefaultValue("SunDispatch") String name,
        @DefaultValue("Solar panels, bought and installed by verified installers near you.") String tagline,
        @DefaultValue("support@sundispatch.example") String contactEmail,
        @DefaultValue List<String> serviceRegions) {
}
