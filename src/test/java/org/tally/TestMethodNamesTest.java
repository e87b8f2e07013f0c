package org.tally;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every test method reads as a specification in one style,
 * {@code givenContext_expectedOutcome}: camelCase, one underscore, starting with
 * {@code given}. Property tests are plain {@code @Test} methods, so they are held to it
 * too.
 */
class TestMethodNamesTest {

	static final String STYLE = "given[A-Z0-9][A-Za-z0-9]*_[a-z0-9][A-Za-z0-9]*";

	@Test
	void givenTheTestClasses_everyTestMethodIsNamedGivenContextUnderscoreExpectedOutcome() {
		JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("org.tally");

		methods().that()
			.areAnnotatedWith(Test.class)
			.or()
			.areAnnotatedWith(ParameterizedTest.class)
			.or()
			.areAnnotatedWith(RepeatedTest.class)
			.or()
			.areAnnotatedWith(TestFactory.class)
			.should()
			.haveNameMatching(STYLE)
			.because("test methods are named givenContext_expectedOutcome, e.g. givenAQuarantinedLedger_itIsIgnored")
			.check(tests);
	}

}
