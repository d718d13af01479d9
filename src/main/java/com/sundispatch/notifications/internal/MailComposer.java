package com.sundispatch.notifications.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification mail twice from Thymeleaf templates ({@code templates/mail/notification.html} and
 * {@code .txt}): HTML for mail clients that show it, plain text for the rest and for screen readers that prefer
 * it. All values are escaped by the template engine (HTML mode); the words come already translated from
 * {@link Texts}.
 */
@Component
class MailComposer {

    /** What a rendered mail shows, in the recipient's language. */
    record Content(Locale locale, String subject, String greeting, List<String> paragraphs, List<Row> facts,
            List<ItemRow> items, String actionLabel, String actionUrl, String actionFallback, String notYou,
            String notYouUrl,
            String footer, String preferencesLabel, String preferencesUrl) {

        Content {
            paragraphs = List.copyOf(paragraphs);
            facts = List.copyOf(facts);
            items = List.copyOf(items);
        }
    }

    record Row(String label, String value) {
    }

    record ItemRow(String name, int quantity, String unitPrice) {
    }

    record Rendered(String subject, String text, String html) {
    }

    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    Rendered render(Content content) {
        Context context = new Context(content.locale());
        context.setVariable("m", content);
        return new Rendered(content.subject(), text.process("notification", context).strip() + "\n",
                html.process("notification", context));
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
