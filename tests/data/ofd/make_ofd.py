#!/usr/bin/env python3
"""Writes the OFD test files next to this script (tests/extract/ofd_source_test.cc reads them).

usage: python3 tests/data/ofd/make_ofd.py

Each file exercises one part of GB/T 33190 the real OFD in corpus/real/ofd does not, or one kind
of bad input. Coordinates are in millimetres, as OFD writes them.
"""
import os
import random
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def entry(docs, extra=""):
    bodies = "".join(
        f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>{i}</ofd:DocID><ofd:Title>{title}</ofd:Title></ofd:DocInfo>"
        f"<ofd:DocRoot>{root}</ofd:DocRoot>{sig}</ofd:DocBody>"
        for i, (root, title, sig) in enumerate(docs))
    return f'<?xml version="1.0" encoding="UTF-8"?>{extra}<ofd:OFD {NS} Version="1.0" DocType="OFD">{bodies}</ofd:OFD>'


def document(pages, box="0 0 210 297", res="PublicRes.xml", templates="", annotations=""):
    page_list = "".join(f'<ofd:Page ID="{pid}" BaseLoc="{loc}"/>' for pid, loc in pages)
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>'
            f'<ofd:PageArea><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>{res}</ofd:PublicRes>'
            f'{templates}</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages>{annotations}</ofd:Document>')


FONTS = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
         '<ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="2" FontName="方正小标宋简体"/>'
         '<ofd:Font ID="3" FontName="黑体"/></ofd:Fonts></ofd:Res>')


def text(x, y, w, h, code, font=1, size=5.6, extra="", codes=None):
    """A TextObject at Boundary (x, y, w, h) holding one TextCode (or several)."""
    body = codes if codes is not None else f'<ofd:TextCode X="0" Y="{0.88 * size:.2f}" {code[1]}>{code[0]}</ofd:TextCode>'
    return (f'<ofd:TextObject ID="9" Font="{font}" Size="{size}" Boundary="{x} {y} {w} {h}" {extra}>'
            f'{body}</ofd:TextObject>')


def page(objects, box=None):
    area = f"<ofd:Area><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:Area>" if box else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{area}<ofd:Content><ofd:Layer ID="5">'
            f'{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def write(name, parts):
    """The package, with fixed dates so that the files come out the same on every run."""
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as z:
        for path, data in parts.items():
            z.writestr(zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def one_document(pages, **kw):
    parts = {"OFD.xml": entry([("Doc_0/Document.xml", "测试", "")]),
             "Doc_0/PublicRes.xml": FONTS,
             "Doc_0/Document.xml": document([(i + 1, f"Pages/Page_{i}/Content.xml") for i in range(len(pages))], **kw)}
    for i, p in enumerate(pages):
        if p is not None:
            parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = p
    return parts


# Advances in every form GB/T 33190 allows: plain lists, "g N v" runs mixed with plain values,
# a list shorter than the text (its last value repeats), no list at all (the em), DeltaY, and
# a TextCode without X/Y that goes on where the one before it ended.
deltas = page([
    text(20, 30, 170, 10, ("甲乙丙丁", 'DeltaX="g 3 10"')),                    # 甲 at 20, 乙 30, 丙 40, 丁 50
    text(20, 50, 170, 10, ("一二三四五", 'DeltaX="6 g 2 8 7"')),             # 20, 26, 34, 42, 49
    text(20, 70, 170, 10, ("春夏秋冬", 'DeltaX="5"')),                       # 20, 25, 30, 35 (5 repeats)
    text(20, 90, 170, 10, ("东南西北", "")),                                 # 20, 25.6, 31.2, 36.8 (one em)
    text(20, 110, 170, 10, None, codes=                                       # two codes, the second without X/Y
         '<ofd:TextCode X="0" Y="5" DeltaX="g 2 5.6">金木水</ofd:TextCode>'
         '<ofd:TextCode DeltaX="5.6">火土</ofd:TextCode>'),
    # CTM: scaled by 2 and moved 10 mm right inside its boundary; glyphs 11.2 mm apart.
    text(20, 130, 170, 20, ("天地", 'DeltaX="5.6"'), extra='CTM="2 0 0 2 10 0"'),
    # Rotated 90° (a margin note) and vertical text (DeltaY only): neither joins a line.
    text(5, 200, 10, 60, ("内部资料", 'DeltaX="5.6"'), extra='CTM="0 1 -1 0 0 0"'),
    text(195, 200, 10, 60, ("竖排文字", 'DeltaY="g 3 6"')),
    # A repeat count far beyond the text (a hostile "g N v" must not allocate N values).
    text(20, 180, 170, 10, ("大数", 'DeltaX="g 2000000000 5"')),
    # A signature row written as one code: the gap of 10 ems splits it into two pieces.
    text(20, 160, 170, 10, ("张三李四", 'DeltaX="5.6 61.6 5.6"')),
])
write("deltas.ofd", one_document([deltas]))

# Three pages: the second landscape (its own PhysicalBox), each with a page number at its foot;
# a bold title in 二号 (7.7 mm) and body text in 三号 (5.6 mm).
pages = []
for n in range(3):
    box = "0 0 297 210" if n == 1 else None
    height = 210 if n == 1 else 297
    objs = [text(100, height - 25, 20, 6, (f"— {n + 1} —", 'DeltaX="4.9 2.45 2.45 2.45"'), font=1, size=4.9)]
    if n == 0:
        objs.append(text(52, 40, 108, 10, ("关于开展测试工作的通知", 'DeltaX="g 10 7.7"'), font=2, size=7.7,
                         extra='Weight="700"'))
    objs.append(text(28, 70, 156, 10, (f"第{n + 1}页正文。", 'DeltaX="g 5 5.6"')))
    pages.append(page(objs, box))
write("multipage.ofd", one_document(pages))

# Two documents in one package, each with its own pages; a seal on the second document's page.
two = {"OFD.xml": entry([("Doc_0/Document.xml", "一", "<ofd:Signatures>Doc_0/Signatures.xml</ofd:Signatures>"),
                         ("Doc_1/Document.xml", "二", "<ofd:Signatures>Doc_1/Signatures.xml</ofd:Signatures>")]),
       "Doc_0/PublicRes.xml": FONTS, "Doc_1/PublicRes.xml": FONTS,
       "Doc_0/Document.xml": document([(1, "Pages/Page_0/Content.xml")]),
       "Doc_1/Document.xml": document([(7, "Pages/Page_0/Content.xml")]),
       "Doc_0/Pages/Page_0/Content.xml": page([text(28, 40, 156, 10, ("第一个文档", 'DeltaX="5.6"'))]),
       "Doc_1/Pages/Page_0/Content.xml": page([text(28, 40, 156, 10, ("第二个文档", 'DeltaX="5.6"'))]),
       # The first document signed without a seal drawn (Type "Sign"), the second sealed.
       "Doc_0/Signatures.xml": f'<ofd:Signatures {NS}><ofd:Signature ID="1" Type="Sign" BaseLoc="Signs/Sign_0/Signature.xml"/>'
                               '</ofd:Signatures>',
       "Doc_0/Signs/Sign_0/Signature.xml": f'<ofd:Signature {NS}><ofd:SignedInfo/></ofd:Signature>',
       "Doc_1/Signatures.xml": f'<ofd:Signatures {NS}><ofd:Signature ID="1" BaseLoc="Signs/Sign_0/Signature.xml"/></ofd:Signatures>',
       "Doc_1/Signs/Sign_0/Signature.xml": f'<ofd:Signature {NS}><ofd:SignedInfo><ofd:StampAnnot ID="1" PageRef="7" '
                                           'Boundary="100 30 40 40"/></ofd:SignedInfo></ofd:Signature>'}
write("two-documents.ofd", two)

# A template page (the masthead drawn on every page) and an annotation with a remark.
tpl = {"OFD.xml": entry([("Doc_0/Document.xml", "模板", "")]), "Doc_0/PublicRes.xml": FONTS,
       "Doc_0/Document.xml": document([(1, "Pages/Page_0/Content.xml")],
                                      templates='<ofd:TemplatePage ID="50" BaseLoc="Tpls/Tpl_0/Content.xml"/>',
                                      annotations="<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>"),
       "Doc_0/Tpls/Tpl_0/Content.xml": page([text(40, 30, 130, 16, ("测试局文件", 'DeltaX="g 4 12"'), font=2, size=14)]),
       "Doc_0/Pages/Page_0/Content.xml": page([text(28, 80, 156, 10, ("模板之下的正文。", 'DeltaX="5.6"'))])
                                         .replace(
           "<ofd:Content>", '<ofd:Template TemplateID="50" ZOrder="Background"/><ofd:Content>'),
       "Doc_0/Annots/Annotations.xml": f'<ofd:Annotations {NS}><ofd:Page PageID="1"><ofd:FileLoc>Page_0/Annotation.xml'
                                       '</ofd:FileLoc></ofd:Page></ofd:Annotations>',
       "Doc_0/Annots/Page_0/Annotation.xml": f'<ofd:PageAnnot {NS}><ofd:Annot ID="3" Type="Stamp"><ofd:Remark>已审核'
                                             '</ofd:Remark></ofd:Annot><ofd:Annot ID="4" Type="Watermark"/><ofd:Annot ID="5" Type="Watermark"/>'
                                             '</ofd:PageAnnot>'}
write("template-annotation.ofd", tpl)

# Page 2 of 2 names a Content.xml the package does not hold: page 1 is read, page 2 noted.
write("missing-content.ofd", one_document([page([text(28, 40, 156, 10, ("仅有第一页", 'DeltaX="5.6"'))]), None]))

# A Document.xml with no pages at all.
no_pages = one_document([])
write("no-pages.ofd", no_pages)

# An XML bomb: the page declares nested entities (billion laughs).
lol = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
       '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
       '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>')
bomb_page = page([text(28, 40, 156, 10, ("&lol4;", 'DeltaX="5.6"'))]).replace("?>", "?>" + lol, 1)
write("xml-bomb.ofd", one_document([bomb_page]))

# A zip bomb: a page of 16 MiB of white space inside an element, deflated about 1000 to 1.
zip_bomb = one_document([page([text(28, 40, 156, 10, ("正文", 'DeltaX="5.6"'))]).replace(
    "<ofd:Content>", "<ofd:Content>" + " " * (16 << 20))])
write("zip-bomb.ofd", zip_bomb)

# The wrong kind of member: the page's Content.xml holds a PNG image.
wrong = one_document([page([])])
wrong["Doc_0/Pages/Page_0/Content.xml"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
write("wrong-member.ofd", wrong)

# A scanned OFD: its one page holds an image and no text.
scan = one_document([page(['<ofd:ImageObject ID="3" ResourceID="4" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'])])
write("scanned.ofd", scan)

# Members named outside the package (zip slip) beside a readable OFD: they are ignored.
unsafe = one_document([page([text(28, 40, 156, 10, ("正文", 'DeltaX="5.6"'))])])
unsafe["../evil.xml"] = "<x/>"
unsafe["/etc/abs.xml"] = "<x/>"
unsafe["Doc_0/../../up.xml"] = "<x/>"
write("unsafe-names.ofd", unsafe)

# Page blocks nested 100 000 deep (a reader that recursed without a limit would overflow its stack),
# with IDs of their own so that the part compresses as ordinary XML does, not as a zip bomb.
ids = random.Random(1)
deep = one_document([page(["".join(f'<ofd:PageBlock ID="{ids.randrange(10**6)}">' for _ in range(100000)) +
                           text(28, 40, 156, 10, ("深处", 'DeltaX="5.6"')) + "</ofd:PageBlock>" * 100000 +
                           text(28, 60, 156, 10, ("浅处", 'DeltaX="5.6"'))])])
write("deep-nesting.ofd", deep)

# An OFD whose first member is a PDF stored uncompressed: "%PDF-" within its first KiB.
with zipfile.ZipFile(os.path.join(HERE, "pdf-inside.ofd"), "w") as z:
    z.writestr(zipfile.ZipInfo("Doc_0/Attachs/original.pdf", date_time=(2026, 1, 1, 0, 0, 0)),
               "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", zipfile.ZIP_STORED)
    for path, data in one_document([page([text(28, 40, 156, 10, ("正文", 'DeltaX="5.6"'))])]).items():
        z.writestr(zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

# A zip that is no package: OFD.xml inside a folder, not at the root.
write("not-a-package.zip", {"backup/OFD.xml": entry([("Doc_0/Document.xml", "", "")]), "readme.txt": "备份"})
