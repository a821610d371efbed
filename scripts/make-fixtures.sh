#!/usr/bin/env bash
# Regenerates the import fixtures in tests/fixtures/import/ from the seeds (the generated files are
# committed; rerun only to change them). Needs iconv (glibc), python3 and, for .docx/.pdf,
# LibreOffice Writer (`apt-get install -y --no-install-recommends libreoffice-writer`).
#
# Which seed becomes which file, and why:
#   001 (Simplified)  → GBK            001.gbk.txt
#   003 (Traditional) → GB18030        003.gb18030.txt   (has a '€' that GBK lacks; pinyin, mojibake)
#   000 (Traditional) → Big5           000.big5.txt      from 000.big5-source.txt (see below)
#   002 (Traditional) → UTF-16 LE+BOM  002.utf16le.txt
#   003 (Traditional) → UTF-16 BE+BOM  003.utf16be.txt
#   004 (Simplified)  → UTF-8+BOM+CRLF 004.utf8bom-crlf.txt
#   004               → .docx, .pdf    004.docx, 004.pdf (LibreOffice, Noto CJK)
#   004               → .html          004.html (paragraphs + script/style/nav noise)
# Big5 cannot represent six variant characters of seed 000 (爲 裏 啓 羣 衆 着: the websites'
# converter used GB-style variants). 000.big5-source.txt is seed 000 with them replaced by the
# Big5 forms (為 裡 啟 群 眾 著); the Big5 test compares against that UTF-8 file.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seeds="$root/seeds"
out="$root/tests/fixtures/import"
mkdir -p "$out"
s() { ls "$seeds"/"$1"_*.txt; }

iconv -f UTF-8 -t GBK "$(s 001)" >"$out/001.gbk.txt"
iconv -f UTF-8 -t GB18030 "$(s 003)" >"$out/003.gb18030.txt"
sed -e 's/爲/為/g; s/裏/裡/g; s/啓/啟/g; s/羣/群/g; s/衆/眾/g; s/着/著/g' "$(s 000)" >"$out/000.big5-source.txt"
iconv -f UTF-8 -t BIG5 "$out/000.big5-source.txt" >"$out/000.big5.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$(s 002)"; } >"$out/002.utf16le.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$(s 003)"; } >"$out/003.utf16be.txt"
{ printf '\xef\xbb\xbf'; perl -pe 's/\n/\r\n/' "$(s 004)"; } >"$out/004.utf8bom-crlf.txt"

python3 - "$(s 004)" "$out/004.html" <<'PY'
import html, sys
lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8').read().split('\n') if l.strip()]
body = '\n'.join(f'<p>{html.escape(l)}</p>' for l in lines)
open(sys.argv[2], 'w', encoding='utf-8').write(f'''<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>范文</title>
<style>p {{ margin: 1em; }} .ad {{ color: red; }}</style>
<script>window.ads = "广告脚本不应出现在正文中";</script>
</head><body>
<nav><a href="/">首页</a> &gt; <a href="/fw">范文</a></nav>
<article>
{body}
</article>
<script>document.write("统计代码");</script>
<footer>版权所有 © 三味园</footer>
</body></html>
''')
PY

if command -v soffice >/dev/null; then
  tmp="$(mktemp -d)"
  cp "$(s 004)" "$tmp/004.txt"
  (cd "$tmp" && soffice --headless --infilter="Text (encoded):UTF8,LF,Noto Sans CJK SC,zh-CN" \
    --convert-to docx 004.txt >/dev/null 2>&1 &&
    soffice --headless --infilter="Text (encoded):UTF8,LF,Noto Sans CJK SC,zh-CN" \
      --convert-to pdf 004.txt >/dev/null 2>&1)
  cp "$tmp/004.docx" "$tmp/004.pdf" "$out/"
  rm -rf "$tmp"
else
  echo "soffice not found: 004.docx and 004.pdf not regenerated" >&2
fi
ls -l "$out"
