package org.tally.operate.notify;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go (tally.notify): webhook URLs that get a JSON POST per event, and
 * mail addresses that get one mail per run listing its events (sent through
 * spring.mail.*).
 */
@ConfigurationProperties("tally.notify")
record NotifyProperties(List<String> webhooks, @DefaultValue Mail mail) {

	NotifyProperties {
		webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
	}

	/** Mail recipients and the sender address the mails carry. */
	record Mail(List<String> to, @DefaultValue("tally@localhost") String from) {

		Mail {
			to = to == null ? List.of() : List.copyOf(to);
		}
	}

	boolean any() {
		return !webhooks.isEmpty() || !mail.to().isEmpty();
	}
}
