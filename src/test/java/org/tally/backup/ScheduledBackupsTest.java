package org.tally.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tally.support.TallyTest;

/**
 * Given the backup folder, the scheduled backup writes a new archive, keeps the last
 * {@code keep}, shows the newest with its age, and publishes a failure to be notified.
 */
@TallyTest
class ScheduledBackupsTest {

	@Autowired
	Backups backups;

	@Test
	void givenTwoOlderArchivesAndKeepTwo_theNewBackupAndTheNewerOldOneRemain(@TempDir Path dir) throws Exception {
		Path oldest = Files.writeString(dir.resolve("tally-backup-20200101-000000.zip"), "old");
		Path older = Files.writeString(dir.resolve("tally-backup-20200102-000000.zip"), "old");
		Files.setLastModifiedTime(older, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
		List<Object> events = new ArrayList<>();
		ScheduledBackups scheduled = new ScheduledBackups(backups, new BackupProperties(dir, 2, Duration.ofDays(2)),
				events::add);

		assertThat(scheduled.last()).hasValueSatisfying(last -> assertThat(last.stale()).isTrue());
		BackupReport report = scheduled.backUpAndPrune();

		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted())
				.containsExactly("tally-backup-20200102-000000.zip", report.file().getFileName().toString());
		}
		assertThat(oldest).doesNotExist();
		assertThat(scheduled.last()).hasValueSatisfying(last -> {
			assertThat(last.file()).isEqualTo(report.file());
			assertThat(last.bytes()).isEqualTo(report.bytes()).isPositive();
			assertThat(last.stale()).isFalse();
		});
		assertThat(events).isEmpty();
	}

	@Test
	void givenAFolderThatCannotBeWritten_theFailureIsPublishedForTheNotifier(@TempDir Path temp) throws Exception {
		Path notAFolder = Files.writeString(temp.resolve("backups"), "a file where the folder should be");
		List<Object> events = new ArrayList<>();
		ScheduledBackups scheduled = new ScheduledBackups(backups,
				new BackupProperties(notAFolder, 2, Duration.ofDays(2)), events::add);

		assertThatThrownBy(scheduled::backUpAndPrune).isInstanceOf(RuntimeException.class);

		assertThat(events).singleElement()
			.isInstanceOfSatisfying(BackupFailed.class, failed -> assertThat(failed.dir()).isEqualTo(notAFolder));
	}

}
