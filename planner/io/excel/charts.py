"""Chart styling shared by the Summary and Risk sheets (openpyxl charts)."""

from __future__ import annotations

from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.shapes import GraphicalProperties


def title(text: str):
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import (
        CharacterProperties,
        Paragraph,
        ParagraphProperties,
        RegularTextRun,
    )

    cp = CharacterProperties(sz=1100, b=True, solidFill="1F3A5F")
    para = Paragraph(pPr=ParagraphProperties(defRPr=cp), r=[RegularTextRun(rPr=cp, t=text)])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def axis_text(size: int = 800, rot: int | None = None):
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import (
        CharacterProperties,
        Paragraph,
        ParagraphProperties,
        RichTextProperties,
    )

    body = RichTextProperties(rot=rot, vert="horz", wrap="none") if rot is not None else RichTextProperties()
    return RichText(bodyPr=body, p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size)),
                                              endParaRPr=CharacterProperties())])


def text_categories(chart, ref: str) -> None:
    """Category labels read as text (month labels, input names): openpyxl's
    ``set_categories`` writes a numeric reference, which Excel shows as 1, 2, 3..."""
    for s in chart.series:
        s.cat = AxDataSource(strRef=StrRef(f=ref))


def style(chart, colours: list[str], number_format: str, *, months: int | None = None,
          width: float = 17.0, height: float = 7.4) -> None:
    """Size, fonts, legend at the bottom, the value axis's format and the series' colours;
    ``months``: a month axis, labelled low and rotated, a tick every few months."""
    chart.width, chart.height = width, height
    chart.y_axis.txPr = axis_text()
    chart.legend.position = "b"
    chart.y_axis.numFmt = number_format
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if months is not None:
        chart.x_axis.txPr = axis_text(rot=-2700000)
        chart.x_axis.tickLblSkip = 1
        chart.x_axis.tickMarkSkip = max(1, months // 6)
        chart.x_axis.tickLblPos = "low"
    else:
        chart.x_axis.txPr = axis_text()
    for s, colour in zip(chart.series, colours, strict=False):
        s.graphicalProperties = GraphicalProperties(solidFill=colour)
        s.graphicalProperties.line.solidFill = colour
        s.graphicalProperties.line.width = 28000
        if hasattr(s, "smooth"):
            s.smooth = False
