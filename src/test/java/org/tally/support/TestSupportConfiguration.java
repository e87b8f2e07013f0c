package org.tally.support;

import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tally.figures.PressFigures;
import org.tally.ingest.IngestProperties;
import org.tally.pipeline.RunHistory;

/** Beans the integration tests use to drive jobs and prepare inbox and warehouse. */
@TestConfiguration(proxyBeanMethods = false)
class TestSupportConfiguration {

	@Bean
	JobOperatorTestUtils jobOperatorTestUtils(JobOperator jobOperator, JobRepository jobRepository,
			Job nightlyConsolidationJob) {
		JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
		utils.setJob(nightlyConsolidationJob);
		return utils;
	}

	@Bean
	TestInbox testInbox(IngestProperties properties) {
		return new TestInbox(properties.inbox());
	}

	@Bean
	GatherLock gatherLock(DataSource dataSource, RunHistory history) {
		return new GatherLock(dataSource, history);
	}

	@Bean
	TestWarehouse testWarehouse(JdbcClient jdbc, PressFigures press) {
		return new TestWarehouse(jdbc, press);
	}

}
