package com.sundispatch.monitoring.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.monitoring.AuditTrail;

/**
 * Finds audit entries by a member of their stored detail. The detail is a small JSON object written by
 * {@link MonitoringService}; the id is checked to be an id (letters, digits, dashes) before it is put into the
 * pattern, so it can carry no wildcard. It scans the trail: fine for an admin opening one order, not for a loop.
 */
@Component
class AuditTrailQuery implements AuditTrail {

    private final AuditEventRepository audit;

    AuditTrailQuery(AuditEventRepository audit) {
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> aboutOrder(String orderId, int limit) {
        if (orderId == null || !orderId.matches("[A-Za-z0-9-]{1,64}")) {
            return List.of();
        }
        return audit.mentioning("\"orderId\":\"" + orderId + "\"", Limit.of(limit)).stream()
                .map(e -> new Entry(e.type(), e.occurredAt(), e.userId(), e.outcome())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<UserEntry> forUser(String userId, Collection<String> types, Instant since, Pageable page) {
        Pageable ordered = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return audit.ofUser(userId, types, since, ordered)
                .map(e -> new UserEntry(e.id(), e.type(), e.occurredAt(), e.outcome(), e.ip(), e.userAgent()));
    }
}
