package org.tally.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The project's config/ directory, copied where a test may edit it. */
public final class ProjectConfig {

	private static final Path CONFIG = Path.of("config");

	private ProjectConfig() {
	}

	/** Copies every file of config/ under {@code target}, keeping their paths. */
	public static Path copyTo(Path target) throws IOException {
		try (Stream<Path> files = Files.walk(CONFIG)) {
			for (Path from : files.filter(Files::isRegularFile).toList()) {
				Path to = target.resolve(CONFIG.relativize(from).toString());
				Files.createDirectories(to.getParent());
				Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return target;
	}

}
