package org.tally.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A directory moved onto a small tmpfs of its own (Linux, as root), so that what is
 * written there fills it; grown later to free space, and moved back onto the disk.
 */
public final class SmallDisk implements AutoCloseable {

	private final Path dir;

	private boolean mounted;

	private SmallDisk(Path dir) {
		this.dir = dir;
	}

	/** Why no tmpfs can be mounted here, if it cannot. */
	public static Optional<String> unavailable() {
		if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
			return Optional.of("skipped: mounting a small tmpfs needs Linux");
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			return Optional.of("skipped: mounting a small tmpfs needs root (run `tally faults` as root)");
		}
		try {
			Path probe = Files.createTempDirectory("tally-tmpfs-probe");
			try {
				run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.toString());
				run("umount", probe.toString());
				return Optional.empty();
			}
			finally {
				Files.deleteIfExists(probe);
			}
		}
		catch (IOException ex) {
			return Optional.of("skipped: cannot mount a tmpfs here: " + ex.getMessage());
		}
	}

	/**
	 * Moves {@code dir}'s files onto a tmpfs mounted over it with {@code headroom} bytes
	 * free beyond what they take.
	 */
	public static SmallDisk mountOver(Path dir, long headroom) throws IOException {
		Path saved = Files.createTempDirectory(dir.getParent(), ".on-disk");
		run("cp", "-a", dir + "/.", saved.toString());
		SmallDisk disk = new SmallDisk(dir);
		long used = Long.parseLong(run("du", "-sb", saved.toString()).split("\\s+")[0]);
		run("rm", "-rf", dir.toString());
		Files.createDirectory(dir);
		run("chmod", "0700", dir.toString());
		run("mount", "-t", "tmpfs", "-o", "size=" + round(used + headroom) + ",mode=0700", "tmpfs", dir.toString());
		disk.mounted = true;
		run("cp", "-a", saved + "/.", dir.toString());
		run("rm", "-rf", saved.toString());
		return disk;
	}

	/** Frees space: the tmpfs grows to {@code bytes}, its files untouched. */
	public void grow(long bytes) throws IOException {
		run("mount", "-o", "remount,size=" + round(bytes), dir.toString());
	}

	/** Moves the files back onto the disk and unmounts the tmpfs. */
	@Override
	public void close() throws IOException {
		if (!mounted) {
			return;
		}
		Path saved = Files.createTempDirectory(dir.getParent(), ".from-tmpfs");
		run("cp", "-a", dir + "/.", saved.toString());
		run("umount", dir.toString());
		mounted = false;
		run("cp", "-a", saved + "/.", dir.toString());
		run("rm", "-rf", saved.toString());
	}

	private static long round(long bytes) {
		return (bytes + 4095) / 4096 * 4096;
	}

	private static String run(String... command) throws IOException {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output.strip());
			}
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(String.join(" ", new ArrayList<>(List.of(command))) + " interrupted", ex);
		}
	}

}
