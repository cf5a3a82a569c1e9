"""Tables of a plan's body on their way from the reader to the draft: a table travels through the lines as one line
(``TABLE_MARK`` then its rows as JSON), so that cleaning and recognising the lines keep it whole, in its place."""

import json

# A table of the plan's body travels through the lines as one line: this mark, then its rows as JSON.
TABLE_MARK = "\u2063table:"


def table_line(rows):
    return TABLE_MARK + json.dumps(rows, ensure_ascii=False)


def table_rows(line):
    """The rows of a ``table_line``, or None for any other line."""
    if not line.startswith(TABLE_MARK):
        return None
    try:
        rows = json.loads(line[len(TABLE_MARK):])
    except ValueError:
        return None
    return rows if isinstance(rows, list) and all(isinstance(row, list) for row in rows) else None


def table_text(rows):
    """The table as lines of text, cells apart with " | " (where only text fits: a summary, a rich text field)."""
    return [" | ".join(cell.replace("\n", " ") for cell in row) for row in rows]
