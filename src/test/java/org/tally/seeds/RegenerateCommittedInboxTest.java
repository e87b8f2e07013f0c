package org.tally.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rewrites the committed sample inbox under seeds/inbox; runs only on request:
 * {@code mvn -o test -Dtest=RegenerateCommittedInboxTest -Dtally.seeds.regenerate=true}.
 */
class RegenerateCommittedInboxTest {

	@Test
	@EnabledIfSystemProperty(named = "tally.seeds.regenerate", matches = "true")
	void givenTheRequest_theCommittedInboxIsRewrittenWithTheDefaultSeed() throws Exception {
		assertThat(new SeedGenerator(SeedGenerator.DEFAULT_SEED).generate(Path.of("seeds", "inbox"))).hasSize(8);
	}

}
