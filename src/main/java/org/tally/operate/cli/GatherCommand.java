package org.tally.operate.cli;

import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.tally.mailbox.MailGatherSummary;
import org.tally.mailbox.MailboxGatherer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `tally gather`: takes the new messages of the reporting mailboxes into the inbox now,
 * as a run's first step does, without starting a run; the next run reads the files.
 */
@Command(name = "gather",
		description = "Takes the spreadsheets mailed to the reporting mailboxes into the inbox (the next run reads them).")
class GatherCommand extends ContextCommand {

	@Mixin
	FormatOption format;

	@Override
	int call(ConfigurableApplicationContext context) {
		MailboxGatherer gatherer = context.getBean(MailboxGatherer.class);
		if (!gatherer.configured()) {
			return nothingYet("no source names a mailbox: add a mail block to config/sources "
					+ "(docs/operations.md, \"Gathering from the reporting mailbox\")");
		}
		MailGatherSummary summary = gatherer.gather(null);
		return printed(format.render(() -> table(summary), () -> summary),
				summary.anyRefused() ? ExitCode.FINDINGS : ExitCode.OK);
	}

	private static String table(MailGatherSummary summary) {
		TextTable table = new TextTable("mailbox", "from", "subject", "outcome", "files or reason");
		for (MailGatherSummary.MessageOutcome m : summary.messages()) {
			table.row(m.mailbox(), m.sender(), m.subject(), m.outcome().name().toLowerCase(Locale.ROOT),
					m.reason() != null ? m.reason() : String.join(", ", m.files()));
			m.refusedFiles().forEach(refused -> table.row("", "", "", "refused", refused));
		}
		return (table.isEmpty() ? "no new messages\n" : table.toString())
				+ summary.count(MailGatherSummary.Outcome.GATHERED) + " gathered, " + summary.files()
				+ " files in the inbox, " + summary.count(MailGatherSummary.Outcome.DUPLICATE) + " duplicates, "
				+ summary.count(MailGatherSummary.Outcome.IGNORED) + " ignored (sender not allowed), "
				+ summary.count(MailGatherSummary.Outcome.REFUSED) + " refused\n";
	}

}
