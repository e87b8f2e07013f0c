package org.tally.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where departments drop their files, and how large a file may be before it is refused.
 */
@ConfigurationProperties("tally.ingest")
public record IngestProperties(@DefaultValue("./seeds/inbox") Path inbox,
		@DefaultValue("209715200") long maxFileBytes) {
}
