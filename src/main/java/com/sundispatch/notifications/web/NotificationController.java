package com.sundispatch.notifications.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.Role;
import com.sundispatch.notifications.internal.Inbox;
import com.sundispatch.notifications.internal.NotificationCategory;
import com.sundispatch.notifications.internal.NotificationChannel;
import com.sundispatch.notifications.internal.Preferences;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PageRequests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in person's in-app inbox and notification preferences. */
@RestController
@RequestMapping("/api/v1/me")
@Validated
@Tag(name = "Notifications")
class NotificationController {

    record InboxResponse(List<Inbox.Entry> items, int page, int size, long totalItems, long unreadCount) {
    }

    record PreferencesResponse(List<Preferences.Preference> preferences) {
    }

    record PreferenceChange(@NotNull NotificationCategory category, @NotNull NotificationChannel channel,
            @NotNull Boolean enabled) {
    }

    record PreferencesRequest(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid PreferenceChange> preferences) {
    }

    private final Inbox inbox;
    private final Preferences preferences;
    private final Accounts accounts;

    NotificationController(Inbox inbox, Preferences preferences, Accounts accounts) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.accounts = accounts;
    }

    @GetMapping("/notifications")
    @Operation(summary = "My notifications, newest first, with the unread count. Send If-None-Match with the "
            + "last ETag to poll cheaply: 304 when nothing changed")
    @ApiResponse(responseCode = "200", description = "The page of notifications (ETag header for the next poll)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InboxResponse.class)))
    // content = @Content: a 304 has no body (springdoc would otherwise give it the method's return type).
    @ApiResponse(responseCode = "304", description = "Nothing changed since the ETag sent in If-None-Match",
            content = @Content)
    ResponseEntity<InboxResponse> list(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        PageRequest request = PageRequests.of(page, size == null ? 20 : Math.min(size, 50), Sort.unsorted());
        Inbox.State state = inbox.state(user.userId());
        String etag = etag(state, request);
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noStore())
                    .build();
        }
        Inbox.Page p = inbox.page(user.userId(), request.getPageNumber(), request.getPageSize(), state);
        // The ETag is taken before the page is read: a change in between makes the next poll fetch again.
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noStore())
                .body(new InboxResponse(p.items(), p.page(), p.size(), p.totalItems(), p.unreadCount()));
    }

    @PostMapping("/notifications/{id}/read")
    @Operation(summary = "Mark one notification read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(CurrentUser user, @PathVariable @Size(max = 36) String id) {
        inbox.markRead(user.userId(), id);
    }

    @PostMapping("/notifications/read-all")
    @Operation(summary = "Mark all my notifications read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(CurrentUser user) {
        inbox.markAllRead(user.userId());
    }

    @GetMapping("/notification-preferences")
    @Operation(summary = "My notification preferences per category and channel (mail, push, in-app)")
    PreferencesResponse preferences(CurrentUser user) {
        return new PreferencesResponse(preferences.list(user.userId(), role(user)));
    }

    @PutMapping("/notification-preferences")
    @Operation(summary = "Change some preferences (only the entries sent); security notices and mails about "
            + "money cannot be turned off (400 preference_locked)")
    PreferencesResponse change(CurrentUser user, @Valid @RequestBody PreferencesRequest request) {
        Role role = role(user);
        List<Preferences.Change> changes = request.preferences().stream()
                .map(c -> new Preferences.Change(c.category(), c.channel(), c.enabled())).toList();
        for (Preferences.Change c : changes) {
            if (!c.category().relevantFor(role)) {
                throw ApiException.validation("preferences", "category " + c.category() + " is not available");
            }
        }
        return new PreferencesResponse(preferences.change(user.userId(), role, changes));
    }

    private Role role(CurrentUser user) {
        return accounts.find(user.userId()).map(Accounts.AccountSummary::role)
                .orElseThrow(() -> ApiException.notFound("No such account."));
    }

    private static String etag(Inbox.State s, PageRequest request) {
        return "W/\"" + s.total() + "-" + s.unread() + "-" + millis(s.newest()) + "-" + millis(s.lastRead()) + "-"
                + request.getPageNumber() + "-" + request.getPageSize() + "\"";
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
