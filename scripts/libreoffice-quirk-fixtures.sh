#!/bin/sh
# Re-saves the differential test's quirk workbooks (ReaderAgreesWithPoiTest: every cell kind written by
# POI as XLSX and as a 1904 XLS, and the raw-XML quirks) with LibreOffice Calc, as .xlsx and as .xls, into
# src/test/resources/fixtures/libreoffice-quirks/. The differential test reads every workbook under
# src/test/resources, so these are compared cell by cell with POI. The output is committed: starting
# LibreOffice takes longer than the whole test.
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui), Maven.
set -eu
cd "$(dirname "$0")/.."
out=src/test/resources/fixtures/libreoffice-quirks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf target/quirk-corpus
mvn -B -ntp -q ${MVN_OFFLINE:-} test -Dtest=QuirkCorpusTest -Dsurefire.failIfNoSpecifiedTests=false
cp -r target/quirk-corpus "$work/in"
mkdir -p "$out"
# A private profile keeps the run independent of any user's LibreOffice settings.
for format in xlsx xls; do
    soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$format" \
        --outdir "$work/$format" "$work"/in/*
    for f in "$work/$format"/*; do
        base=$(basename "$f")
        cp "$f" "$out/libreoffice-${base%.*}.$format"
    done
done
soffice --version > "$out/VERSION"
ls -l "$out"
