package org.tally.answer;

import java.util.Optional;
import org.tally.ingest.FileRecord;

/**
 * Who sent a file in, when it came by mail: the answer goes to that address when its
 * department names no contacts. A module that gathers files from a mailbox provides this
 * as a bean; without one, only configured contacts are answered.
 */
public interface FileSenders {

	Optional<String> senderOf(FileRecord file);

}
