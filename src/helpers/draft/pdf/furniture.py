"""Running headers, footers and page numbers: found by repetition across pages and position, then dropped.

No string is hard-coded. A piece of text in the top or bottom band of the page is furniture when
- the same text (digits ignored, so "Page 3" and "Page 4" are the same) stands at the same height on at least
  half the pages (at least two), or
- it stands at the height and in the size of such repeated text and nothing but furniture lies between it and
  the edge of the page (a running head that names the current section changes from section to section), or
- it is a bare page number ("12", "Page 12", "12 | 40", "xii") with nothing but furniture between it and the edge.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from .rows import Row, glyph_text, split_at_gaps

ZONE = 0.12  # share of the page height, at the top and at the bottom, where furniture may stand
GAP_AFTER = 2.0  # line sizes of clear space between a running head (or foot) and the text
NUMBER_GAP_AFTER = 1.3  # the same for a bare page number
PREFIX = 16  # characters: running heads that begin alike on the outermost line of many pages...
MIN_PREFIX = 8  # ...or, when shorter, are the beginning of each other
FRAGMENT_GAP = 2.0  # font sizes: wider blank stretches separate the pieces of a header line
_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.|pág\.?|página)\s*)?#+(?:\s*(?:of|/|de|\|)\s*#+)?$"
                          r"|^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")


@dataclass
class _Piece:
    page: int  # index into the pages list
    row: int  # index into that page's rows
    zone: str  # "top" or "bottom"
    key: str
    text: str
    base: float
    size: float
    glyph_ids: frozenset


def _key(text: str) -> str:
    text = re.sub(r"\d+", "#", text.lower())
    return " ".join(text.split()).strip(" .·|–—-")


def drop_furniture(pages_rows: list[list[Row]], heights: list[float]) -> tuple[list[list[Row]], list[str]]:
    """The rows without running heads, feet and page numbers; and the texts removed (for the record)."""
    pieces: list[_Piece] = []
    for p, rows in enumerate(pages_rows):
        h = heights[p]
        for r, row in enumerate(rows):
            zone = "top" if row.base >= h * (1 - ZONE) else "bottom" if row.base <= h * ZONE else None
            if zone is None:
                continue
            for run in split_at_gaps(row.glyphs, FRAGMENT_GAP * row.size):
                text = glyph_text(run, row.size, emphasis=False)
                pieces.append(_Piece(p, r, zone, _key(text), text.strip(), row.base, row.size, frozenset(map(id, run))))

    n_pages = len(pages_rows)
    needed = max(2, math.ceil(n_pages / 2))
    by_key: dict[tuple[str, str], list[_Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.key:
            by_key[(piece.zone, piece.key)].append(piece)
    furniture: set[int] = set()  # ids of pieces
    heights_learned: list[tuple[str, float, float]] = []  # zone, baseline, size of repeated furniture
    for group in by_key.values():
        for cluster in _by_height(group):
            if len({pc.page for pc in cluster}) >= needed:
                furniture.update(id(pc) for pc in cluster)
                heights_learned.append((cluster[0].zone, cluster[0].base, cluster[0].size))

    index: dict[tuple[int, int], list[_Piece]] = defaultdict(list)
    for piece in pieces:
        index[(piece.page, piece.row)].append(piece)

    # a running head that wraps differently from page to page: the outermost text begins the same way
    outer = [pc for pc in pieces if len(pc.key) >= MIN_PREFIX and _outermost(pc, index, set(), pages_rows)]
    for piece in outer:
        pages_alike = {q.page for q in outer if q.zone == piece.zone
                       and _common_prefix(piece.key, q.key) >= min(PREFIX, len(piece.key), len(q.key))}
        if len(pages_alike) >= needed:
            furniture.add(id(piece))
            heights_learned.append((piece.zone, piece.base, piece.size))

    # repeat until stable: a piece next to the edge makes the piece inside it "outermost" in turn
    changed = True
    while changed:
        changed = False
        for piece in pieces:
            if id(piece) in furniture or not _outermost(piece, index, furniture, pages_rows):
                continue
            same_place = any(z == piece.zone and abs(b - piece.base) <= 2.0 and abs(s - piece.size) <= 0.5
                             for z, b, s in heights_learned)
            if same_place or _next_to_furniture(piece, pieces, furniture) or _page_number(piece.text, n_pages):
                furniture.add(id(piece))
                changed = True
    furniture = _edge_blocks(pages_rows, index, furniture, n_pages)

    dropped_glyphs = set().union(*(pc.glyph_ids for pc in pieces if id(pc) in furniture)) if furniture else set()
    removed = [_text_of(pages_rows[pc.page][pc.row], pc.glyph_ids) for pc in pieces if id(pc) in furniture]
    out: list[list[Row]] = []
    for rows in pages_rows:
        kept = []
        for row in rows:
            glyphs = [g for g in row.glyphs if id(g) not in dropped_glyphs]
            if any(not g.text.isspace() for g in glyphs):
                if len(glyphs) != len(row.glyphs):
                    row = Row(glyphs, row.base, row.size).finish()
                kept.append(row)
        out.append(kept)
    return out, removed


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _page_number(text: str, n_pages: int) -> bool:
    """A bare page number, small enough to be one (a year on its own line is not)."""
    if not _PAGE_NUMBER.match(_key(text)):
        return False
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return all(n <= 2 * n_pages + 20 for n in numbers)


def _next_to_furniture(piece: _Piece, pieces: list[_Piece], furniture: set[int]) -> bool:
    """The next line of a running head set in several lines: same size, one line pitch away."""
    return any(id(pc) in furniture and pc.page == piece.page and abs(pc.size - piece.size) <= 0.3
               and 0 < abs(pc.base - piece.base) <= 1.6 * piece.size for pc in pieces)


def _text_of(row: Row, ids: frozenset) -> str:
    return glyph_text([g for g in row.glyphs if id(g) in ids], row.size, emphasis=False).strip()


def _by_height(group: list[_Piece]) -> list[list[_Piece]]:
    clusters: list[list[_Piece]] = []
    for piece in sorted(group, key=lambda pc: pc.base):
        if clusters and piece.base - clusters[-1][-1].base <= 2.0:
            clusters[-1].append(piece)
        else:
            clusters.append([piece])
    return clusters


def _edge_blocks(pages_rows: list[list[Row]], index: dict[tuple[int, int], list[_Piece]], furniture: set[int],
                 n_pages: int) -> set[int]:
    """Furniture stands in a block at the edge of the page, apart from the text: walking in from each edge,
    the rows with furniture in them make the block (all their pieces go: the section title beside a running
    head too), and the block ends with a clear gap (GAP_AFTER line sizes; less for a bare page number)."""
    kept: set[int] = set()
    for p, rows in enumerate(pages_rows):
        for order in (range(len(rows)), range(len(rows) - 1, -1, -1)):
            block = []
            for r in order:
                row_pieces = index.get((p, r), [])
                if not row_pieces or not any(id(pc) in furniture for pc in row_pieces):
                    break
                block.append(r)
            while block:
                inner = rows[block[-1]]
                nxt = block[-1] + (1 if order.step == 1 else -1)
                if not 0 <= nxt < len(rows):
                    break
                numbers_only = all(_page_number(pc.text, n_pages) for pc in index[(p, block[-1])])
                need = (NUMBER_GAP_AFTER if numbers_only else GAP_AFTER) * max(inner.size, rows[nxt].size)
                if abs(inner.base - rows[nxt].base) >= need:
                    break
                block.pop()
            for r in block:
                kept.update(id(pc) for pc in index[(p, r)])
    return kept


def _outermost(piece: _Piece, index: dict[tuple[int, int], list[_Piece]], furniture: set[int],
               pages_rows: list[list[Row]]) -> bool:
    """Nothing but furniture between this piece's row and the page edge."""
    rows = pages_rows[piece.page]
    outer = range(0, piece.row) if piece.zone == "top" else range(piece.row + 1, len(rows))
    for r in outer:
        row_pieces = index.get((piece.page, r), [])
        if not row_pieces or any(id(pc) not in furniture for pc in row_pieces):
            return False
    return True
