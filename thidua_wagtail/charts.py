"""A bar chart's data and geometry: the same rows feed the SVG chart, the data table beside it and the tests
(the counts are the statistics page's, in ``models/statistics.py``)."""

from dataclasses import dataclass, field


@dataclass
class Chart:
    key: str
    title: str
    label_heading: str
    value_heading: str
    rows: list = field(default_factory=list)  # [(label, value)]

    @property
    def total(self):
        return sum(value for _label, value in self.rows)

    @property
    def maximum(self):
        return max((value for _label, value in self.rows), default=0)

    # Geometry of the SVG (user units; the SVG scales to its box, see thidua.css)
    WIDTH = 360
    ROW = 40
    BAR = 14
    VALUE_SPACE = 44

    @property
    def height(self):
        return max(len(self.rows), 1) * self.ROW

    @property
    def bars(self):
        """One dict a row: label, value, and where to draw it."""
        top = self.maximum or 1
        room = self.WIDTH - self.VALUE_SPACE
        out = []
        for i, (label, value) in enumerate(self.rows):
            width = round(room * value / top, 1)
            y = i * self.ROW
            out.append({"label": label, "value": value, "y_label": y + 15, "y_bar": y + 21,
                        "width": max(width, 1), "x_value": width + 6, "y_value": y + 33})
        return out
