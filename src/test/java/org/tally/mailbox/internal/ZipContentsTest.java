package org.tally.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tally.mailbox.MailProperties;
import org.tally.mailbox.Mails;

/**
 * Given .zip attachments as Windows' own zip, WinRAR and 7-Zip write them on a Chinese
 * system, and hostile ones, the spreadsheets inside are read under their Chinese names
 * and a hostile .zip is refused whole with its reason.
 */
class ZipContentsTest {

	static final MailProperties.Limits LIMITS = new MailProperties.Limits(52428800, 100, 209715200, 100);

	@Test
	void givenEntryNamesInGbkWithoutTheUtf8Flag_theyAreReadAsGbk() throws Exception {
		byte[] zip = zip("GBK", false, Map.of("报表/市财政局_京长对口合作项目台账_2024-12-31.xlsx", "ledger"));

		assertThat(read(zip)).containsExactly(Map.entry("报表/市财政局_京长对口合作项目台账_2024-12-31.xlsx", "ledger"));
	}

	@Test
	void givenEntryNamesInUtf8WithTheFlagOrWithoutIt_bothAreReadAsUtf8() throws Exception {
		assertThat(read(zip("UTF-8", true, Map.of("卫健委_20241231.csv", "a")))).containsOnlyKeys("卫健委_20241231.csv");
		// macOS' Archive Utility writes UTF-8 without the flag
		assertThat(read(zip("UTF-8", false, Map.of("卫健委_20241231.csv", "a")))).containsOnlyKeys("卫健委_20241231.csv");
	}

	@Test
	void givenMacOsClutter_itIsPassedOver() throws Exception {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("台账.xlsx", "x");
		entries.put("__MACOSX/._台账.xlsx", "resource fork");
		entries.put(".DS_Store", "finder");

		assertThat(read(zip("UTF-8", true, entries))).containsOnlyKeys("台账.xlsx");
	}

	@Test
	void givenAZipBomb_theZipIsRefusedAsOne() throws Exception {
		byte[] zip = zip("UTF-8", true, Map.of("台账.csv", "0".repeat(8 << 20)));

		assertThatThrownBy(() -> read(zip)).isInstanceOf(ZipContents.ZipRefusedException.class)
			.hasMessage("unpacks to more than 100 times its own size: refused as a zip bomb");
	}

	@Test
	void givenMoreEntriesThanTheLimit_theZipIsRefusedBeforeAnythingIsUnpacked() throws Exception {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < 101; i++) {
			entries.put("表" + i + ".csv", "x");
		}

		assertThatThrownBy(() -> read(zip("UTF-8", true, entries))).isInstanceOf(ZipContents.ZipRefusedException.class)
			.hasMessage("holds 101 entries; at most 100 are opened");
	}

	@Test
	void givenAnEntryClimbingOutOrStartingAtARoot_theZipIsRefused() throws Exception {
		assertThatThrownBy(() -> read(zip("UTF-8", true, Map.of("../../etc/台账.xlsx", "x"))))
			.isInstanceOf(ZipContents.ZipRefusedException.class)
			.hasMessageContaining("names a parent folder (..)");
		assertThatThrownBy(() -> read(zip("UTF-8", true, Map.of("/srv/tally/inbox/台账.xlsx", "x"))))
			.isInstanceOf(ZipContents.ZipRefusedException.class)
			.hasMessageContaining("is an absolute path");
	}

	@Test
	void givenBytesThatAreNoZip_theyAreRefusedAsUnreadable() {
		assertThatThrownBy(() -> read("PK not really".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(ZipContents.ZipRefusedException.class)
			.hasMessageStartingWith("not a readable .zip");
	}

	static Map<String, String> read(byte[] zip) throws IOException, ZipContents.ZipRefusedException {
		Map<String, String> read = new LinkedHashMap<>();
		ZipContents.read(zip, LIMITS,
				(path, content) -> read.put(path, new String(content.readAllBytes(), StandardCharsets.UTF_8)));
		return read;
	}

	static byte[] zip(String encoding, boolean utf8Flag, Map<String, String> entries) {
		return Mails.zip(encoding, utf8Flag, entries);
	}

}
