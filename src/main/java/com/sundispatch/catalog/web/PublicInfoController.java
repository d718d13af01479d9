package com.sundispatch.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.catalog.PublicInfoProperties;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Public")
class PublicInfoController {

    record PublicInfo(String name, String tagline, Contact contact, List<String> serviceRegions) {
    }

    record Contact(String email) {
    }

    private final PublicInfoProperties properties;

    PublicInfoController(PublicInfoProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/v1/public/info")
    PublicInfo info() {
        return new PublicInfo(properties.name(), properties.tagline(), new Contact(properties.contactEmail()),
                properties.serviceRegions());
    }
}
