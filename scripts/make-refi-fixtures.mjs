// Builds the REFI-QDA import fixtures in tests/fixtures/refi/ (run: node scripts/make-refi-fixtures.mjs).
// Each one imitates what a real producer writes, as described in tests/fixtures/refi/SOURCES.md;
// the XML and texts are written here by hand, no third-party file is copied.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const out = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/refi');
mkdirSync(out, { recursive: true });
const mtime = new Date('2024-01-01T00:00:00Z');
const zip = (files) =>
  zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
    { mtime },
  );
const bom = (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(s)]);

// ATLAS.ti for Windows: upper-case GUIDs, xmlns last, `Sources/`, rich text + plain text paths,
// CRLF line ends counted as two characters, a picture source, a free-standing note.
{
  const text1 =
    '一、工作成效\r\n今年财政收入增长明显。\r\n二、存在的问题\r\n基层财政压力较大，放权不到位。\r\n';
  const text2 = 'Interview 2: budgets are tight.\r\nWe recommend more transfers.\r\n';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" origin="ATLAS.ti for Windows 23.2.3.27778" name="atlas-sample" creatingUserGUID="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:49:36Z" xmlns="urn:QDA-XML:project:1.0">
  <Users>
    <User guid="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" name="Researcher A" />
    <User guid="C32A2BD5-537F-4838-8B17-DF9EFBAFDF4B" name="ATLAS.ti" />
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="A182CD3A-D83C-4D8C-BC80-26D9103EC6D6" name="问题" isCodable="true" color="#D64545">
        <Description>存在的问题</Description>
        <Code guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" name="财政压力" isCodable="true" />
      </Code>
      <Code guid="086AC733-7B1C-4749-A138-D7182F63A5C9" name="成效" isCodable="true" color="#2E9D5B" />
      <Code guid="5E0B4C3A-1F0E-4C55-9D2B-7A1A2E3F4B5C" name="建议" isCodable="true" />
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="1B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B" name="工作报告.docx" richTextPath="internal://1B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.docx" plainTextPath="internal://1B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.txt" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:00Z">
      <PlainTextSelection guid="9A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9" startPosition="8" endPosition="18" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:10Z">
        <Coding guid="0F1E2D3C-4B5A-4697-8877-665544332211" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:10Z">
          <CodeRef targetGUID="086AC733-7B1C-4749-A138-D7182F63A5C9" />
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="9A1B2C3D-4E5F-4061-8293-A4B5C6D7E8FA" startPosition="30" endPosition="44" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:20Z">
        <Coding guid="0F1E2D3C-4B5A-4697-8877-665544332212" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:50:20Z">
          <CodeRef targetGUID="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" />
        </Coding>
        <NoteRef targetGUID="7C6B5A49-3827-4165-9483-726150493827" />
      </PlainTextSelection>
      <PlainTextSelection guid="9A1B2C3D-4E5F-4061-8293-A4B5C6D7E8FB" startPosition="21" endPosition="28" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
        <Coding guid="0F1E2D3C-4B5A-4697-8877-665544332213" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
          <CodeRef targetGUID="A182CD3A-D83C-4D8C-BC80-26D9103EC6D6" />
        </Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="2B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B" name="Interview 2" plainTextPath="internal://2B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.txt">
      <PlainTextSelection guid="AA1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9" startPosition="13" endPosition="31">
        <Coding guid="1F1E2D3C-4B5A-4697-8877-665544332211" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
          <CodeRef targetGUID="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" />
        </Coding>
        <Coding guid="1F1E2D3C-4B5A-4697-8877-665544332212" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
          <CodeRef targetGUID="A182CD3A-D83C-4D8C-BC80-26D9103EC6D6" />
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="AA1B2C3D-4E5F-4061-8293-A4B5C6D7E8FA" startPosition="33" endPosition="61">
        <Coding guid="1F1E2D3C-4B5A-4697-8877-665544332213" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
          <CodeRef targetGUID="5E0B4C3A-1F0E-4C55-9D2B-7A1A2E3F4B5C" />
        </Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="3B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B" name="photo.jpg" path="internal://3B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.jpg" />
  </Sources>
  <Notes>
    <Note guid="7C6B5A49-3827-4165-9483-726150493827" name="Memo 1" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
      <PlainTextContent>放权问题需要追问</PlainTextContent>
    </Note>
    <Note guid="8C6B5A49-3827-4165-9483-726150493827" name="Project memo">
      <PlainTextContent>Second round of coding.</PlainTextContent>
    </Note>
  </Notes>
</Project>`;
  writeFileSync(
    join(out, 'atlas-ti-23.qdpx'),
    zip({
      'project.qde': qde,
      'Sources/1B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.txt': text1,
      'Sources/1B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.docx': new Uint8Array([
        0x50,
        0x4b,
        0x05,
        0x06,
        ...new Array(18).fill(0),
      ]),
      'Sources/2B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.txt': text2,
      'Sources/3B7E2F8A-0C3D-4E5F-8A9B-0C1D2E3F4A5B.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    }),
  );
}

// MAXQDA: the .qde under another name, `Sources/`, a UTF-8 BOM and CRLF line ends counted as
// ONE character, the coded text as each selection's name, document variables, an empty <Sets/>,
// a user known only by `id`, a selection without coding, a source missing from the archive.
{
  const text =
    '\uFEFF第一篇：县长讲话\r\n我们要加强基层财政保障。\r\n一是完善转移支付；二是下放审批权限。\r\n';
  const canon = '第一篇：县长讲话\n我们要加强基层财政保障。\n一是完善转移支付；二是下放审批权限。\n';
  const at = (s) => canon.indexOf(s);
  const sel = (guid, s, code, user) =>
    `      <PlainTextSelection guid="${guid}" name="${s}" startPosition="${at(s)}" endPosition="${at(s) + [...s].length}" creatingUser="${user}" creationDateTime="2024-03-01T10:00:00Z">
        <Coding guid="${guid.slice(0, -1)}C" creatingUser="${user}" creationDateTime="2024-03-01T10:00:00Z"><CodeRef targetGUID="${code}"/></Coding>
      </PlainTextSelection>`;
  const U1 = 'd1a6e5b4-0000-4000-8000-000000000001';
  const U2 = 'd1a6e5b4-0000-4000-8000-000000000002';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Studie" origin="MAXQDA 2022 (Release 22.8.0)" creationDateTime="2024-03-01T09:00:00Z">
  <Users>
    <User guid="${U1}" name="Li Wei" id="LW"/>
    <User guid="${U2}" id="ZH"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="c0de0000-0000-4000-8000-000000000001" name="建议" isCodable="true" color="#2f6fd6">
        <Code guid="c0de0000-0000-4000-8000-000000000002" name="财政" isCodable="true" color="#3366cc">
          <Code guid="c0de0000-0000-4000-8000-000000000003" name="转移支付" isCodable="true" color="#3366cc"/>
        </Code>
        <Code guid="c0de0000-0000-4000-8000-000000000004" name="放权" isCodable="true" color="#3366cc"/>
      </Code>
      <Code guid="c0de0000-0000-4000-8000-000000000005" name="Autocode - ANY: 财政" isCodable="true" color="#999999"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="fa000000-0000-4000-8000-000000000001" name="地区" typeOfVariable="Text"/>
    <Variable guid="fa000000-0000-4000-8000-000000000002" name="年份" typeOfVariable="Integer"/>
  </Variables>
  <Sources>
    <TextSource guid="d0c00000-0000-4000-8000-000000000001" name="县长讲话" richTextPath="internal://d0c00000-0000-4000-8000-000000000001.rtf" plainTextPath="internal://d0c00000-0000-4000-8000-000000000001.txt" creatingUser="${U1}">
${sel('5e100000-0000-4000-8000-00000000000a', '加强基层财政保障', 'c0de0000-0000-4000-8000-000000000002', U1)}
${sel('5e100000-0000-4000-8000-00000000000b', '完善转移支付', 'c0de0000-0000-4000-8000-000000000003', U2)}
${sel('5e100000-0000-4000-8000-00000000000d', '下放审批权限', 'c0de0000-0000-4000-8000-000000000004', U1)}
      <PlainTextSelection guid="5e100000-0000-4000-8000-00000000000e" name="县长讲话" startPosition="${at('县长讲话')}" endPosition="${at('县长讲话') + 4}" creatingUser="${U1}">
        <Description>标题，未编码</Description>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="fa000000-0000-4000-8000-000000000001"/><TextValue>河南</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="fa000000-0000-4000-8000-000000000002"/><IntegerValue>2019</IntegerValue></VariableValue>
    </TextSource>
    <TextSource guid="d0c00000-0000-4000-8000-000000000002" name="访谈 missing" plainTextPath="internal://d0c00000-0000-4000-8000-000000000002.txt"/>
  </Sources>
  <Sets/>
</Project>`;
  writeFileSync(
    join(out, 'maxqda-2022.qdpx'),
    zip({
      'Studie.qde': qde,
      'Sources/d0c00000-0000-4000-8000-000000000001.txt': bom(text),
      'Sources/d0c00000-0000-4000-8000-000000000001.rtf': '{\\rtf1 }',
    }),
  );
}

// NVivo: lower-case `sources/`, positions in UTF-16 code units (so 𠀋 counts two), the quote as
// the selection's name, one source given inline as PlainTextContent, a case, a set of sources,
// a PDF source.
{
  const text = '𠀋𪚥村的调研：基层干部反映财政压力大。建议增加转移支付。';
  const u16 = (s) => text.indexOf(s); // UTF-16 index = what NVivo counts
  const sel = (guid, s, code) =>
    `      <PlainTextSelection guid="${guid}" name="${s}" startPosition="${u16(s)}" endPosition="${u16(s) + s.length}" creatingUser="e0000000-0000-4000-8000-000000000001">
        <Coding guid="${guid.slice(0, -1)}f" creatingUser="e0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="${code}"/></Coding>
      </PlainTextSelection>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project name="NVivo sample" origin="NVivo 14.23.0 (Windows)" creationDateTime="2024-05-02T08:00:00Z" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="e0000000-0000-4000-8000-000000000001" name="W. Zhang"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="c1000000-0000-4000-8000-000000000001" name="问题" isCodable="true" color="#FF0000">
        <Code guid="c1000000-0000-4000-8000-000000000002" name="财政压力" isCodable="true"/>
      </Code>
      <Code guid="c1000000-0000-4000-8000-000000000003" name="建议" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Cases>
    <Case guid="ca000000-0000-4000-8000-000000000001" name="𠀋𪚥村"><SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="50000000-0000-4000-8000-000000000001" name="𠀋𪚥村调研" plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt">
${sel('5e200000-0000-4000-8000-000000000001', '𠀋𪚥村', 'c1000000-0000-4000-8000-000000000001')}
${sel('5e200000-0000-4000-8000-000000000002', '财政压力大', 'c1000000-0000-4000-8000-000000000002')}
${sel('5e200000-0000-4000-8000-000000000003', '增加转移支付', 'c1000000-0000-4000-8000-000000000003')}
    </TextSource>
    <TextSource guid="50000000-0000-4000-8000-000000000002" name="Field note">
      <PlainTextContent>Short inline note about the visit.</PlainTextContent>
      <PlainTextSelection guid="5e200000-0000-4000-8000-000000000004" name="the visit" startPosition="24" endPosition="33">
        <Coding guid="5e200000-0000-4000-8000-00000000004f"><CodeRef targetGUID="c1000000-0000-4000-8000-000000000003"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="50000000-0000-4000-8000-000000000003" name="report.pdf" path="internal://50000000-0000-4000-8000-000000000003.pdf"/>
  </Sources>
  <Sets>
    <Set guid="5e700000-0000-4000-8000-000000000001" name="调研报告">
      <MemberSource targetGUID="50000000-0000-4000-8000-000000000001"/>
      <MemberSource targetGUID="50000000-0000-4000-8000-000000000002"/>
    </Set>
  </Sets>
</Project>`;
  writeFileSync(
    join(out, 'nvivo-14.qdpx'),
    zip({
      'project.qde': qde,
      'sources/50000000-0000-4000-8000-000000000001.txt': text,
      'sources/50000000-0000-4000-8000-000000000003.pdf': '%PDF-1.4\n%%EOF\n',
    }),
  );
}

// A flat codebook (.qdc) in the older namespace spelling, hierarchy as `A::B` in the names, and a
// chain of codes 300 deep.
{
  let deep = '';
  for (let i = 0; i < 300; i++)
    deep += `<Code guid="dee00000-0000-4000-8000-${String(i).padStart(12, '0')}" name="层${i}" isCodable="true">`;
  deep += '</Code>'.repeat(300);
  const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="Flat exporter">
  <Codes>
    <Code guid="f1a70000-0000-4000-8000-000000000001" name="问题::财政压力" isCodable="true" color="#c33"/>
    <Code guid="f1a70000-0000-4000-8000-000000000002" name="问题::放权不到位" isCodable="true"/>
    <Code guid="f1a70000-0000-4000-8000-000000000003" name="建议" isCodable="true"><Description>政策建议</Description></Code>
    ${deep}
  </Codes>
</CodeBook>`;
  writeFileSync(join(out, 'flat-deep.qdc'), qdc);
}
console.log('written to', out);
