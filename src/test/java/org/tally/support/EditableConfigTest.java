package org.tally.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test on its own copy of the project's config/, made fresh for each test, which it
 * edits to see how loading the configuration takes the edit.
 */
public abstract class EditableConfigTest {

	@TempDir
	protected Path config;

	@BeforeEach
	protected void copyProjectConfig() throws IOException {
		ProjectConfig.copyTo(config);
	}

	/** Replaces text in one file of the copy; the text must be there. */
	protected void replace(String file, String from, String to) {
		Path path = config.resolve(file);
		try {
			String text = Files.readString(path);
			assertThat(text).contains(from);
			Files.writeString(path, text.replace(from, to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
