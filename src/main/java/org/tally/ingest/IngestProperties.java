package org.tally.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tally.ingest.workbook.ReadLimits;

/**
 * Where departments drop their files, and how large a file, and what is in it, may be
 * before it is refused ({@code tally.ingest.limits.*}, docs/sources.md).
 */
@ConfigurationProperties("tally.ingest")
public record IngestProperties(@DefaultValue("./seeds/inbox") Path inbox, @DefaultValue("209715200") long maxFileBytes,
		@DefaultValue Limits limits) {

	@ConstructorBinding
	public IngestProperties {
	}

	/** The default limits on what is inside a file. */
	public IngestProperties(Path inbox, long maxFileBytes) {
		this(inbox, maxFileBytes, Limits.of(ReadLimits.defaults()));
	}

	/** What the readers enforce: the file size and everything inside. */
	public ReadLimits readLimits() {
		return new ReadLimits(maxFileBytes, limits.maxCellChars(), limits.maxColumns(), limits.maxRows(),
				limits.maxSharedStringChars(), limits.maxRowChars(), limits.maxPartBytes(), limits.maxSheets(),
				limits.maxNumberFormats(), limits.maxXlsBytes());
	}

	/** The limits on a file's content; the defaults are those of {@link ReadLimits}. */
	public record Limits(@DefaultValue("32767") long maxCellChars, @DefaultValue("16384") int maxColumns,
			@DefaultValue("1048576") long maxRows, @DefaultValue("100000000") long maxSharedStringChars,
			@DefaultValue("1048576") long maxRowChars, @DefaultValue("8388608") long maxPartBytes,
			@DefaultValue("1000") int maxSheets, @DefaultValue("65536") int maxNumberFormats,
			@DefaultValue("52428800") long maxXlsBytes) {

		static Limits of(ReadLimits r) {
			return new Limits(r.maxCellChars(), r.maxColumns(), r.maxRows(), r.maxSharedStringChars(), r.maxRowChars(),
					r.maxPartBytes(), r.maxSheets(), r.maxNumberFormats(), r.maxXlsBytes());
		}

	}

}
