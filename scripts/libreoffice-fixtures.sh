#!/bin/sh
# Re-saves seed workbooks with LibreOffice Calc (headless) into src/test/resources/fixtures/libreoffice/,
# so LibreOfficeResavedWorkbookTest can check that a department re-saving its sheet in LibreOffice
# changes nothing in the warehouse. The output is committed: tests never need LibreOffice.
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui).
set -eu
cd "$(dirname "$0")/.."
out=src/test/resources/fixtures/libreoffice
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for seed in \
    "seeds/inbox/finance/市财政局_京长对口合作项目台账_2024-12-31.xlsx" \
    "seeds/inbox/science/市科技局_科技成果转化_2024-12-31.xlsx" \
    "seeds/inbox/education/市教育局_教育对口合作统计表_2024全年.xls"; do
    # A private profile keeps the run independent of any user's LibreOffice settings.
    soffice -env:UserInstallation="file://$profile" --headless --convert-to xlsx --outdir "$out" "$seed"
done
# An OpenDocument spreadsheet, which Tally refuses with a clear reason (MalformedInboxTest).
soffice -env:UserInstallation="file://$profile" --headless --convert-to ods --outdir "$out" \
    "seeds/inbox/science/市科技局_科技成果转化_2024-12-31.xlsx"
soffice --version > "$out/VERSION"
ls -l "$out"
