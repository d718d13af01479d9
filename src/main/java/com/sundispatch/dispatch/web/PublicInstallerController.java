package com.sundispatch.dispatch.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.dispatch.internal.DispatchViews.PublicInstallerProfile;
import com.sundispatch.dispatch.internal.DispatchViews.ReviewsOverview;
import com.sundispatch.dispatch.internal.PublicInstallers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Installers' public profiles and the landing page's reviews: public, rate-limited per client address. */
@RestController
@Validated
@Tag(name = "Public")
class PublicInstallerController {

    private final PublicInstallers installers;

    PublicInstallerController(PublicInstallers installers) {
        this.installers = installers;
    }

    @GetMapping("/api/v1/public/installers/{installerId}")
    @Operation(summary = "An installer's public profile: company, area, rating and the latest 20 reviews")
    PublicInstallerProfile profile(@PathVariable @Size(max = 64) String installerId) {
        return installers.profile(installerId);
    }

    @GetMapping("/api/v1/public/reviews")
    @Operation(summary = "The latest reviews (size 1-20, default 6) and the overall rating, for the landing page")
    ReviewsOverview reviews(@RequestParam(defaultValue = "6") @Min(1) @Max(20) int size) {
        return installers.latest(size);
    }
}
