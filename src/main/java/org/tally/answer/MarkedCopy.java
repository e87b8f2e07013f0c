package org.tally.answer;

/**
 * A department's own file, marked where it was rejected, ready to attach or write; or,
 * when it cannot be made, why not ({@code content} null), in Chinese and English.
 */
public record MarkedCopy(AnsweredFile file, String fileName, byte[] content, String missingZh, String missingEn) {

	public boolean available() {
		return content != null;
	}

	static MarkedCopy missing(AnsweredFile file, String fileName, String zh, String en) {
		return new MarkedCopy(file, fileName, null, zh, en);
	}

}
