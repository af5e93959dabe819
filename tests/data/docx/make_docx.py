#!/usr/bin/env python3
"""Writes the Word test files next to this script (tests/extract/docx_source_test.cc and
tests/corpus/docx_notice_test.cc read them).

usage: python3 tests/data/docx/make_docx.py

zhejiang-2026-training.docx is a notice in the GB/T 9704 shape written as Word writes one: the
masthead and title in 小标宋 through a paragraph style and direct formatting, body text in
仿宋_GB2312 三号 from the document defaults, a title broken by a line break, the signature and
date right-aligned, headings numbered by Word (numbering.xml: 一、 and （一）), a field (the e-mail address as a HYPERLINK field), a soft hyphen, a tab in
the 版记 row, a deleted revision, hidden text, and the attachment's form as a table with a merged
cell. Its label is zhejiang-2026-training.json, written by hand from the text. The other files
are bad input.
"""
import os
import random
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
             'core-properties" Target="docProps/core.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/></Relationships>')
# One list: level 0 "一、", level 1 "（一）", both counted in Chinese (as WPS and Word number a notice's headings).
NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
             '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
             '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
          '<w:sz w:val="32"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault>'
          '</w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="DocTitle"><w:name w:val="文件标题"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr>'
          '</w:style>'
          '<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="署名"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:jc w:val="right"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="CnHeading1"><w:name w:val="一级标题"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
          '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:rFonts w:eastAsia="黑体"/>'
          '<w:b/></w:rPr></w:style></w:styles>')


def core(title):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(title)}</dc:title>'
            '<dc:creator>办公室</dc:creator></cp:coreProperties>')


def r(text, size=None, font=None, bold=False, style=None, hidden=False):
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if font:
        props += f'<w:rFonts w:eastAsia="{font}"/>'
    if bold:
        props += "<w:b/>"
    if hidden:
        props += "<w:vanish/>"
    if size:
        props += f'<w:sz w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


BR = "<w:r><w:br/></w:r>"
TAB = "<w:r><w:tab/></w:r>"
SOFT_HYPHEN = "<w:r><w:softHyphen/></w:r>"


def field(code, result):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def p(*runs, jc=None, style=None, level=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if level is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{"".join(runs)}</w:p>'


def cell(text, span=1, vmerge=None):
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else "")
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{p(r(text, size=12), jc="center")}</w:tc>'


def table(rows):
    return "<w:tbl>" + "".join("<w:tr>" + "".join(row) + "</w:tr>" for row in rows) + "</w:tbl>"


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def write(name, parts):
    """The package, with fixed dates so that the files come out the same on every run."""
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as z:
        for path, data in parts.items():
            z.writestr(zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def package(body, title="", styles=STYLES):
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "docProps/core.xml": core(title),
            "word/_rels/document.xml.rels": DOC_RELS, "word/styles.xml": styles, "word/numbering.xml": NUMBERING,
            "word/document.xml": document(body)}


TITLE = "浙江省教育厅关于举办2026年全省中等职业学校班主任能力提升培训班的通知"
notice = "".join([
    p(r("浙江省教育厅文件", size=36, font="方正小标宋简体"), jc="center"),
    p(),
    p(r("浙教职成〔2026〕18号"), jc="center"),
    p(),
    p(r("浙江省教育厅关于举办2026年全省中等职业学校"), BR, r("班主任能力提升培训班的通知"), style="DocTitle"),
    p(),
    p(r("各市教育局，各中等职业学校：")),
    p(r("为加强中等职业学校班主任队伍建设，根据《教育部关于加强新时代中等职业学校班主任队伍建设的意见》"
        "（教职成〔2025〕3号）要求，经研究，决定举办2026年全省中等职业学校班主任能力提升培训班。"
        "现将有关事项通知如下：")),
    p(r("培训时间和地点", style="Strong"), style="CnHeading1"),
    p(r("培训时间为2026年6月15日至17日，6月14日下午报到。培训地点为浙江工业职业技术学院（绍兴市越城区）。")),
    p(r("培训对象", style="Strong"), style="CnHeading1"),
    p(r("各中等职业学校推荐的班主任，每校1至2名。"), r("（内部备注：名额另行核定）", hidden=True)),
    p(r("报名办法", style="Strong"), style="CnHeading1"),
    p(r("请各市教育局汇总本地报名情况，于2026年5月29日前将《2026年全省中等职业学校班主任能力提升培训班报名汇总表》"
        "（见附件）报送省教育厅职成教处。"),
      '<w:del w:id="1" w:author="审核"><w:r><w:delText>逾期不予受理。</w:delText></w:r></w:del>'),
    p(r("其他事项", style="Strong"), style="CnHeading1"),
    p(r("培训不收取费用，食宿统一安排，往返交通费回原单位报销。"), level=1),
    p(r("培训使用在线学习平台（Moo"), SOFT_HYPHEN, r("dle），请学员提前注册。"), level=1),
    p(r("联系人：省教育厅职成教处 王晓明，电话：0571-88008123，邮箱："),
      field('HYPERLINK "mailto:zjzcc@zjedu.gov.cn"', "zjzcc@zjedu.gov.cn"), r("。")),
    p(),
    p(r("附件：2026年全省中等职业学校班主任能力提升培训班报名汇总表")),
    p(),
    p(r("浙江省教育厅"), style="Signature"),
    p(r("2026年4月20日"), style="Signature"),
    p(r("（此件主动公开）")),
    p('<w:r><w:br w:type="page"/></w:r>'),
    p(r("附件", font="黑体")),
    p(r("2026年全省中等职业学校班主任能力提升培训班报名汇总表", size=18, font="方正小标宋简体"), jc="center"),
    table([
        [cell("序号"), cell("学校名称"), cell("姓名"), cell("职务"), cell("联系电话")],
        [cell("1", vmerge="restart"), cell("", span=2), cell(""), cell("")],
        [cell("", vmerge="continue"), cell(""), cell(""), cell(""), cell("")],
    ]),
    p(),
    p(r("抄送：教育部职业教育与成人教育司。")),
    p(r("浙江省教育厅办公室"), TAB, r("2026年4月21日印发")),
])
write("zhejiang-2026-training.docx", package(notice, title=TITLE))

# A document whose body holds nothing but empty paragraphs and a section break.
write("empty-body.docx", package(p() + p()))

# An XML bomb: the main part declares nested entities.
bomb = document(p(r("&lol3;"))).replace(
    "?>", '?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>', 1)
bomb_parts = package("")
bomb_parts["word/document.xml"] = bomb.replace("&amp;lol3;", "&lol3;")
write("xml-bomb.docx", bomb_parts)

# The wrong kind of member: word/document.xml is a spreadsheet's part, not WordprocessingML.
wrong = package("")
wrong["word/document.xml"] = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                              'spreadsheetml/2006/main"><sheetData/></worksheet>')
write("wrong-member.docx", wrong)

# Custom XML elements nested 100 000 deep around a paragraph, then one at the top (a reader that
# recursed without a limit would overflow its stack); each names its own element so that the part
# compresses as ordinary XML does, not as a zip bomb.
ids = random.Random(1)
write("deep-nesting.docx", package("".join(f'<w:customXml w:element="e{ids.randrange(10**6)}">' for _ in range(100000)) +
                                   p(r("深处")) + "</w:customXml>" * 100000 + p(r("浅处"))))
