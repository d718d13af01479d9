package com.sundispatch.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "faq_entries")
class FaqEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 300)
    private String question;

    @Column(nullable = false, length = 4000)
    private String answer;

    protected FaqEntry() {
    }

    FaqEntry(String id, int position, String question, String answer) {
        this.id = id;
        this.position = position;
        this.question = question;
        this.answer = answer;
    }

    String id() {
        return id;
    }

    String question() {
        return question;
    }

    String answer() {
        return answer;
    }
}
