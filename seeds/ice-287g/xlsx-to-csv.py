#!/usr/bin/env python3
"""Saves the first sheet of ICE's participatingAgencies workbook as CSV, for `detainer agencies import`.

Standard library only. Cells are written as the workbook stores them, except the SIGNED column's
dates, which the workbook stores as day numbers and which are written as YYYY-MM-DD (Excel's 1900
date system). A SIGNED cell ICE typed as text (`7/72025`) is kept as typed, for the import to refuse.

    python3 xlsx-to-csv.py participatingAgencies07182025pm.xlsx > participatingAgencies07182025pm.csv
"""
import csv
import datetime
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
T = "{%s}t" % NS["m"]


def column(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def main(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter(T)))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            kind, v = c.get("t"), c.find("m:v", NS)
            if kind == "s":
                value = shared[int(v.text)]
            elif kind == "inlineStr":
                value = "".join(x.text or "" for x in c.iter(T))
            else:
                value = v.text if v is not None else ""
            cells[column(c.get("r"))] = value
        if cells:
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)])
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    signed = rows[0].index("SIGNED")
    for r in rows[1:]:
        if r[signed].isdigit():
            r[signed] = (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(r[signed]))).isoformat()
    csv.writer(sys.stdout, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
