package org.tally.ingest.workbook.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * POI's usermodel refuses Strict OOXML (POI bug 57699), so the reference reads a Strict
 * package's Transitional twin: the same parts with Strict's namespace and relationship
 * URIs replaced by Transitional ones. Nothing else differs between the two in the cells
 * compared.
 */
final class StrictAsTransitional {

	private static final Map<String, String> URIS = Map.of("http://purl.oclc.org/ooxml/spreadsheetml/main",
			"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
			"http://purl.oclc.org/ooxml/officeDocument/relationships",
			"http://schemas.openxmlformats.org/officeDocument/2006/relationships");

	private StrictAsTransitional() {
	}

	static Path rewrite(Path strict, Path transitional) {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(strict));
				OutputStream file = Files.newOutputStream(transitional);
				ZipOutputStream out = new ZipOutputStream(file)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
					String xml = new String(bytes, StandardCharsets.UTF_8);
					for (Map.Entry<String, String> uri : URIS.entrySet()) {
						xml = xml.replace(uri.getKey(), uri.getValue());
					}
					bytes = xml.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(bytes);
				out.closeEntry();
			}
			return transitional;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static boolean isStrict(Path xlsx) {
		try (InputStream in = Files.newInputStream(xlsx); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (e.getName().equals("xl/workbook.xml")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8)
						.contains("http://purl.oclc.org/ooxml/spreadsheetml/main");
				}
			}
			return false;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
