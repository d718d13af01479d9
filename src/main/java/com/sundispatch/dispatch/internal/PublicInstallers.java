package com.sundispatch.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.dispatch.internal.DispatchViews.Area;
import com.sundispatch.dispatch.internal.DispatchViews.LandingReview;
import com.sundispatch.dispatch.internal.DispatchViews.PublicInstallerProfile;
import com.sundispatch.dispatch.internal.DispatchViews.PublicReview;
import com.sundispatch.dispatch.internal.DispatchViews.Rating;
import com.sundispatch.dispatch.internal.DispatchViews.ReviewsOverview;
import com.sundispatch.identity.Accounts;
import com.sundispatch.shared.ApiException;

/**
 * What anyone may read about installers: their public profile and reviews. Only installers who may work (approved,
 * not revoked, not banned) are shown; reviewers appear as "Anna M.", never with an email or an id.
 */
@Service
public class PublicInstallers {

    /** The reviews a profile lists. */
    public static final int PROFILE_REVIEWS = 20;

    private final InstallerProfileRepository profiles;
    private final ReviewRepository reviews;
    private final Accounts accounts;
    private final Clock clock;

    PublicInstallers(InstallerProfileRepository profiles, ReviewRepository reviews, Accounts accounts, Clock clock) {
        this.profiles = profiles;
        this.reviews = reviews;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** 404 {@code not_found} alike for an unknown id, a customer, a revoked and a banned installer. */
    @Transactional(readOnly = true)
    public PublicInstallerProfile profile(String installerId) {
        Instant now = clock.instant();
        InstallerProfile p = profiles.findById(installerId).filter(found -> found.shownInPublic(now))
                .orElseThrow(() -> ApiException.notFound("No such installer."));
        List<Review> latest = reviews.latestOf(p.userId(), PageRequest.of(0, PROFILE_REVIEWS));
        Map<String, String> names = accounts.publicNames(latest.stream().map(Review::customerId).toList());
        BaseAddress base = p.baseAddress();
        Area area = new Area(base == null ? null : base.city(), base == null ? null : base.postalCode(),
                base == null ? null : base.country(), p.serviceRadiusKm());
        return new PublicInstallerProfile(p.userId(), p.companyName(), area, p.approvedAt(),
                Rating.of(p.ratingSum(), p.ratingCount()), latest.stream().map(r -> new PublicReview(r.rating(),
                        r.comment(), names.get(r.customerId()), r.createdAt())).toList());
    }

    /** The latest {@code size} reviews of shown installers, newest first, and their rating together. */
    @Transactional(readOnly = true)
    public ReviewsOverview latest(int size) {
        Instant now = clock.instant();
        List<Review> latest = reviews.latestShown(now, PageRequest.of(0, size));
        Map<String, String> names = accounts.publicNames(latest.stream().map(Review::customerId).toList());
        Map<String, String> companies = profiles.findAllById(latest.stream().map(Review::installerId)
                .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(InstallerProfile::userId, InstallerProfile::companyName));
        Object[] totals = profiles.ratingTotalsShown(now).get(0);
        Rating rating = Rating.of(((Number) totals[1]).longValue(), ((Number) totals[0]).longValue());
        return new ReviewsOverview(rating, latest.stream().map(r -> new LandingReview(r.rating(), r.comment(),
                names.get(r.customerId()), companies.get(r.installerId()), r.installerId(), r.createdAt())).toList());
    }
}
