package com.sundispatch.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The FAQ: a short ordered list, replaced as a whole by admins. */
@Service
public class FaqService {

    public record FaqItem(String id, String question, String answer) {
    }

    private final FaqRepository faq;
    private final CatalogService catalog;

    FaqService(FaqRepository faq, CatalogService catalog) {
        this.faq = faq;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public List<FaqItem> list() {
        return faq.findAllByOrderByPositionAsc().stream().map(e -> new FaqItem(e.id(), e.question(), e.answer()))
                .toList();
    }

    @Transactional
    public List<FaqItem> replace(String adminId, List<FaqItem> entries) {
        faq.deleteAllInBatch();
        List<FaqEntry> saved = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            saved.add(new FaqEntry(UUID.randomUUID().toString(), i, entries.get(i).question().trim(),
                    entries.get(i).answer().trim()));
        }
        faq.saveAll(saved);
        catalog.record(adminId, "FAQ_REPLACED", null, entries.size() + " entries");
        return list();
    }
}
