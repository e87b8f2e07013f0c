package org.tally.operate.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.tally.pipeline.RunLauncher;
import org.tally.schedule.Schedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tally serve`: the operator console and REST API, and this node's share of the
 * clustered nightly schedule. Runs until stopped (Ctrl-C or SIGTERM); start it on as many
 * hosts as you like.
 */
@Command(name = "serve", description = "Runs the scheduler (jobs/*.yml) and the web console/API until stopped.")
class ServeCommand extends BaseCommand {

	private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

	@Mixin
	LocationOptions locations;

	@Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, or server.port)")
	Integer port;

	@Override
	public Integer call() throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		ConfigurableApplicationContext context = CommandContexts.startServer(locations, port);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		// Executions a crashed process left STARTED are failed now, so they can be
		// restarted.
		context.getBean(RunLauncher.class)
			.recoverStaleRuns()
			.forEach(stale -> log.warn("run={} execution={} marked FAILED: {}", stale.runId(), stale.executionId(),
					stale.reason()));
		Schedules schedules = context.getBean(Schedules.class);
		schedules.synchronize();
		schedules.states()
			.forEach(s -> log.info("schedule={} {} ({}) {} next {}", s.name(), s.cron(), s.timeZone(), s.state(),
					s.nextFire()));
		String serverPort = context.getEnvironment().getProperty("local.server.port", "?");
		out().println("tally: serving on http://localhost:" + serverPort + "/ (Ctrl-C stops)");
		out().flush();
		closed.await();
		return ExitCode.OK.code();
	}

}
