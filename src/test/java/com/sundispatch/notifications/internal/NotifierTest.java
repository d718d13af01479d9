package com.sundispatch.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import com.sundispatch.identity.Accounts;
import com.sundispatch.security.SharedState;
import com.sundispatch.shared.PublicBaseUrl;

/** The per-recipient caps and the mails that no cap or switch may silence. */
class NotifierTest {

    private static final String USER = "user-1";

    private final Accounts accounts = mock(Accounts.class);
    private final Inbox inbox = mock(Inbox.class);
    private final Preferences preferences = mock(Preferences.class);
    private final PushDispatch push = mock(PushDispatch.class);
    private final NotificationMails mails = mock(NotificationMails.class);
    private final List<Object> published = new ArrayList<>();
    private final Map<String, Long> counters = new HashMap<>();
    private Notifier notifier;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        NotificationProperties properties = new NotificationProperties(ZoneId.of("Europe/Berlin"), 2,
                Map.of(), Duration.ofDays(365));
        SharedState shared = mock(SharedState.class);
        when(shared.increment(anyString(), any())).thenAnswer(call -> counters.merge(call.getArgument(0), 1L,
                Long::sum));
        ApplicationEventPublisher events = published::add;
        when(accounts.contact(USER)).thenReturn(Optional.of(new Accounts.Contact(USER, "ada@example.test",
                "Ada Lovelace", "de")));
        when(preferences.allows(eq(USER), any(), any())).thenReturn(true);
        notifier = new Notifier(accounts, new Texts(properties), new MailComposer(), mock(MailDelivery.class),
                PublicBaseUrl.of("https://sundispatch.example"), inbox, preferences, push, shared, properties, mails, events, clock);
    }

    private static Notice notice(NotificationKind kind, int n) {
        return Notice.of(kind, "evt_" + kind + n, USER).value("company", "Sonnenschein GmbH")
                .value("when", Instant.parse("2026-12-01T10:00:00Z")).link("/#/account").build();
    }

    private long mailsOwed(NotificationKind kind) {
        return published.stream().filter(e -> e instanceof NotificationMailOwed m && m.kind().equals(kind.name()))
                .count();
    }

    @Test
    void pastTheCapOfACategoryTheNotificationIsOnlyInTheInbox() {
        for (int i = 0; i < 3; i++) {
            notifier.send(notice(NotificationKind.APPLICATION_APPROVED, i));
        }
        assertThat(mailsOwed(NotificationKind.APPLICATION_APPROVED)).isEqualTo(2);
        verify(inbox, times(3)).add(eq(USER), anyString(), eq(NotificationKind.APPLICATION_APPROVED), anyString(),
                anyString(), anyString(), any());
    }

    @Test
    void securityNoticesAreMailedWhateverTheCapAndTheSwitches() {
        when(preferences.allows(eq(USER), eq(NotificationCategory.SECURITY), eq(NotificationChannel.EMAIL)))
                .thenReturn(false);
        for (int i = 0; i < 5; i++) {
            notifier.send(notice(NotificationKind.PASSWORD_CHANGED, i));
        }
        assertThat(mailsOwed(NotificationKind.PASSWORD_CHANGED)).isEqualTo(5);
    }

    @Test
    void aMailTurnedOffIsNotSentButTheInboxEntryIs() {
        when(preferences.allows(USER, NotificationCategory.INSTALLER, NotificationChannel.EMAIL)).thenReturn(false);
        notifier.send(notice(NotificationKind.APPLICATION_APPROVED, 1));
        assertThat(mailsOwed(NotificationKind.APPLICATION_APPROVED)).isZero();
        verify(inbox).add(eq(USER), anyString(), eq(NotificationKind.APPLICATION_APPROVED), anyString(), anyString(),
                anyString(), any());
    }

    @Test
    void aRedeliveredEventIsNotMailedAgain() {
        when(mails.alreadySent("evt_APPLICATION_APPROVED1", USER, "APPLICATION_APPROVED")).thenReturn(true);
        notifier.send(notice(NotificationKind.APPLICATION_APPROVED, 1));
        assertThat(mailsOwed(NotificationKind.APPLICATION_APPROVED)).isZero();
    }

    @Test
    void theMailIsInTheRecipientsLanguageWithAStableMessageId() {
        notifier.send(notice(NotificationKind.APPLICATION_APPROVED, 7));
        NotificationMailOwed mail = (NotificationMailOwed) published.get(0);
        assertThat(mail.subject()).isEqualTo("Willkommen: Sonnenschein GmbH ist freigeschaltet");
        assertThat(mail.text()).contains("Hallo Ada Lovelace,", "https://sundispatch.example/#/account");
        assertThat(mail.html()).contains("lang=\"de\"");
        assertThat(mail.messageId()).isEqualTo("evt_APPLICATION_APPROVED7.application_approved.user-1@sundispatch");
        verify(push, never()).afterCommit(anyString(), any());
    }
}
